package io.assay.cli;

import io.assay.core.access.UserService;
import io.assay.core.common.IdSource;
import io.assay.core.registry.LifecyclePolicy;
import io.assay.core.registry.ModelRegistry;
import io.assay.core.registry.RegistryStore;
import io.assay.store.Database;
import io.assay.core.error.AssayException;
import io.assay.api.Governance;
import io.assay.server.local.LocalGovernance;
import io.assay.server.local.Services;
import io.assay.api.DataApi;
import io.assay.api.client.ApiClient;
import io.assay.api.client.HttpData;
import io.assay.api.client.HttpGovernance;
import io.assay.server.local.LocalData;
import io.assay.store.FileArtifactStore;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The composition root of one command: the only place that opens the database and builds the
 * services over it. Opened lazily, so commands that need no storage (bank simulate) touch none.
 */
public final class Session implements AutoCloseable {
    private final AssayConfig config;
    private final CliEnvironment environment;
    private final String requestId;
    private final Optional<RemoteServer> remote;
    private Database database;
    private Services services;
    private RegistryStore registryStore;

    public Session(AssayConfig config, CliEnvironment environment) {
        this(config, environment, Optional.empty());
    }

    public Session(AssayConfig config, CliEnvironment environment, Optional<RemoteServer> remote) {
        this.config = requireNonNull(config, "config is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.remote = requireNonNull(remote, "remote is null");
        this.requestId = IdSource.random().next("cli");
    }

    /**
     * The registry, users, tokens and audit log as the acting person: over HTTP when a server is
     * named, else in-process on the local home. Both answer with the same wire records and errors.
     */
    public Governance governance() {
        if (remote.isPresent()) {
            return new HttpGovernance(client());
        }
        return new LocalGovernance(services(), config.actor(), requestId);
    }

    /**
     * The data environment as the acting person, over HTTP when a server is named, else
     * in-process on the local home: the same wire records and errors either way.
     */
    public DataApi data() {
        if (remote.isPresent()) {
            return new HttpData(client());
        }
        return new LocalData(services().data(), config.actor());
    }

    /** Features, labels and training sets as the acting person, over HTTP when a server is named, else in-process. */
    public io.assay.api.FeaturesApi features() {
        if (remote.isPresent()) {
            return new io.assay.api.client.HttpFeatures(client());
        }
        return new io.assay.server.local.LocalFeatures(services().data().features(), config.actor());
    }

    /**
     * Training, trained models' registration, gates and reproduction as the acting person, over
     * HTTP when a server is named (a run then answers when done), else in-process with progress.
     */
    public io.assay.api.TrainingApi training(io.assay.train.model.TrainingProgress progress) {
        if (remote.isPresent()) {
            return new io.assay.api.client.HttpTraining(client());
        }
        return new io.assay.server.local.LocalTraining(services(), config.actor(), requestId, progress);
    }

    /** The services of the local home, built once; the first acting user of a new home becomes its ADMIN. */
    public Services services() {
        if (services == null) {
            requireKnownActor(users());
            services = Services.over(registryStore(), database().dataCatalog(), config.home(), environment.clock(), config.pseudonymKey());
        }
        return services;
    }

    private ApiClient client() {
        return new ApiClient(remote.orElseThrow().url(), remote.get().token(), requestId);
    }

    public AssayConfig config() {
        return config;
    }

    /** The model registry; the acting user is whoever --as / ASSAY_USER names. */
    public ModelRegistry registry() {
        return new ModelRegistry(registryStore(), new LifecyclePolicy(), environment.clock());
    }

    /**
     * Users and roles. A home without users makes its first acting user the ADMIN: whoever can
     * write the home's files controls it anyway, and someone has to add the others.
     */
    public UserService users() {
        UserService users = new UserService(registryStore(), environment.clock());
        if (users.bootstrapAdmin(config.actor())) {
            environment.err().println("assay: " + config.actor() + " is the first user of this home and holds ADMIN;"
                    + " add others with 'assay --as " + config.actor() + " users add NAME --roles ROLE'");
            environment.err().flush();
        }
        return users;
    }

    /**
     * On a local home {@code --as} is declared, not proven, but it must name an active user; when
     * it does not, say who can add one rather than only that it is unknown.
     */
    private void requireKnownActor(UserService users) {
        String actor = config.actor();
        if (users.find(actor).filter(io.assay.core.access.User::active).isPresent()) {
            return;
        }
        java.util.List<String> admins = users.list().stream().filter(user -> user.holds(io.assay.core.access.Role.ADMIN))
                .map(io.assay.core.access.User::name).toList();
        throw new AssayException(io.assay.core.error.ErrorCode.UNAUTHENTICATED, "no active user '" + actor + "' on the home "
                + config.home() + (admins.isEmpty() ? "" : "; its admin" + (admins.size() > 1 ? "s are " : " is ") + String.join(", ", admins)
                + ": act as " + (admins.size() > 1 ? "one of them" : "them") + " with --as " + admins.get(0) + " to add users"));
    }

    public RegistryStore registryStore() {
        if (registryStore == null) {
            registryStore = database().registryStore();
        }
        return registryStore;
    }

    public FileArtifactStore artifacts() {
        return new FileArtifactStore(config.home().resolve("artifacts"));
    }

    /** Ties the audit events of one command together. */
    public String requestId() {
        return requestId;
    }

    public Database database() {
        if (remote.isPresent()) {
            throw AssayException.invalid("this command works on the local home only; leave out --server (and ASSAY_SERVER)");
        }
        if (database == null) {
            database = Database.open(config.database());
        }
        return database;
    }

    public Optional<Database> openedDatabase() {
        return Optional.ofNullable(database);
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
    }
}
