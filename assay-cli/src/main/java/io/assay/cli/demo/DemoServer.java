package io.assay.cli.demo;

import io.assay.api.DataApi;
import io.assay.api.Governance;
import io.assay.api.Requests;
import io.assay.api.client.ApiClient;
import io.assay.api.client.HttpData;
import io.assay.api.client.HttpGovernance;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.core.access.Role;
import io.assay.server.AdminToken;
import io.assay.server.ServerApp;
import io.assay.server.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 'assay server' on the demo home, on a free local port, and the demo's people with a token
 * each, made over REST by the home's admin: from the second chapter on, the data team, the data
 * scientist, MLOps and the auditor reach Assay the way they would in a bank, with their own token.
 */
final class DemoServer implements AutoCloseable {
    /** The data team's nightly pipeline: ingests the extracts and, as a data steward, grants access. */
    static final String STEWARD = "sam.steward";

    private final ServerApp app;
    private final URI url;
    private final String requestId;
    private final Map<String, String> tokens = new HashMap<>();

    private DemoServer(ServerApp app, String requestId) {
        this.app = app;
        this.url = URI.create("http://127.0.0.1:" + app.port());
        this.requestId = requestId;
    }

    static DemoServer start(Session session, Clock clock, Output output) {
        var config = session.config();
        session.services(); // the demo's admin is the first user of the new home
        ServerApp app = ServerApp.start(ServerConfig.from(Map.of(), config.actor()).withPort(0), config.database(), config.home(),
                config.pseudonymKey(), clock, "demo", line -> output.note("   " + line));
        DemoServer server = new DemoServer(app, session.requestId());
        try {
            server.tokens.put(config.actor(), Files.readString(config.home().resolve(AdminToken.FILE_NAME)).strip());
        } catch (IOException e) {
            app.close();
            throw new UncheckedIOException(e);
        }
        return server;
    }

    /**
     * The admin adds each person with their roles over REST; each then makes their own token on
     * the demo's home, as a person does (an admin makes only applications' tokens).
     */
    void addPeople(Session session, String admin, Map<String, List<Role>> people) {
        Governance asAdmin = governanceAs(admin);
        people.forEach((name, roles) -> {
            asAdmin.addUser(new Requests.AddUser(name, roles.stream().map(Role::name).toList()));
            tokens.put(name, session.services().tokens().create(name, name, "demo", Optional.empty(), requestId).secret());
        });
    }

    /** A business application: the admin adds it with the APP role over REST and makes its token, as only an admin may. */
    void addApplication(Session session, String admin, String name) {
        governanceAs(admin).addUser(new Requests.AddUser(name, List.of(Role.APP.name())));
        tokens.put(name, session.services().tokens().create(admin, name, "demo", Optional.empty(), requestId).secret());
    }

    /** The business scoring API as {@code user}: one call, its answer as JSON. */
    com.fasterxml.jackson.databind.JsonNode score(String user, String useCase, Requests.Score body) {
        return client(user).call(io.assay.api.Endpoints.SCORE, io.assay.api.Endpoints.SCORE.fill(useCase), body, com.fasterxml.jackson.databind.JsonNode.class);
    }

    Governance governanceAs(String user) {
        return new HttpGovernance(client(user));
    }

    DataApi dataAs(String user) {
        return new HttpData(client(user));
    }

    io.assay.api.FeaturesApi featuresAs(String user) {
        return new io.assay.api.client.HttpFeatures(client(user));
    }

    io.assay.api.TrainingApi trainingAs(String user) {
        return new io.assay.api.client.HttpTraining(client(user));
    }

    URI url() {
        return url;
    }

    ServerApp app() {
        return app;
    }

    private ApiClient client(String user) {
        return new ApiClient(url, tokens.get(user), requestId);
    }

    @Override
    public void close() {
        app.close();
    }
}
