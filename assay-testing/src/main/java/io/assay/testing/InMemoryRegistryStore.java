package io.assay.testing;

import io.assay.core.access.ApiToken;
import io.assay.core.access.User;
import io.assay.core.audit.AuditChain;
import io.assay.core.audit.AuditCheckpoint;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditEvent;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.Environment;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.RegistryStore;
import io.assay.core.registry.RegistryTransaction;
import io.assay.core.registry.Objection;
import io.assay.core.registry.Routing;
import io.assay.core.registry.Stage;
import io.assay.core.registry.UseCase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The registry store in memory, for tests: one transaction at a time (a lock), working on copies
 * that replace the committed state only when the work returns.
 */
public final class InMemoryRegistryStore implements RegistryStore {
    private final ReentrantLock lock = new ReentrantLock();
    private State committed = new State(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
            new HashMap<>(), new ArrayList<>());

    private record State(Map<String, User> users, Map<String, ApiToken> tokens, Map<String, UseCase> useCases,
                         Map<String, ModelVersion> versions, Map<String, Routing> routing, Map<String, Objection> objections,
                         List<AuditEvent> audit) {
        State copy() {
            return new State(new HashMap<>(users), new HashMap<>(tokens), new HashMap<>(useCases), new HashMap<>(versions),
                    new HashMap<>(routing), new HashMap<>(objections), audit);
        }
    }

    @Override
    public <T> T inTransaction(Function<RegistryTransaction, T> work) {
        lock.lock();
        try {
            State working = committed.copy();
            int auditSize = committed.audit().size();
            try {
                T result = work.apply(new Transaction(working));
                committed = working;
                return result;
            } catch (RuntimeException e) {
                working.audit().subList(auditSize, working.audit().size()).clear();
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<User> findUser(String name) {
        return Optional.ofNullable(snapshot().users().get(name));
    }

    @Override
    public List<User> listUsers() {
        return snapshot().users().values().stream().sorted(Comparator.comparing(User::name)).toList();
    }

    @Override
    public Optional<ApiToken> findToken(String id) {
        return Optional.ofNullable(snapshot().tokens().get(id));
    }

    @Override
    public List<ApiToken> listTokens(Optional<String> user) {
        return snapshot().tokens().values().stream().filter(t -> user.map(t.user()::equals).orElse(true))
                .sorted(Comparator.comparing(ApiToken::createdAt).reversed().thenComparing(ApiToken::id)).toList();
    }

    @Override
    public Optional<UseCase> findUseCase(String name) {
        return Optional.ofNullable(snapshot().useCases().get(name));
    }

    @Override
    public List<UseCase> listUseCases() {
        return snapshot().useCases().values().stream().sorted(Comparator.comparing(UseCase::name)).toList();
    }

    @Override
    public Optional<ModelVersion> findVersion(String useCase, int number) {
        return Optional.ofNullable(snapshot().versions().get(key(useCase, number)));
    }

    @Override
    public List<ModelVersion> listVersions(String useCase) {
        return snapshot().versions().values().stream().filter(v -> v.useCase().equals(useCase))
                .sorted(Comparator.comparingInt(ModelVersion::number)).toList();
    }

    @Override
    public Optional<AuditEvent> auditHead() {
        lock.lock();
        try {
            List<AuditEvent> audit = committed.audit();
            return audit.isEmpty() ? Optional.empty() : Optional.of(audit.get(audit.size() - 1));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public AuditCheckpoint recordedHead() {
        return auditHead().map(head -> new AuditCheckpoint(head.sequence(), head.hash(), head.entry().time()))
                .orElse(new AuditCheckpoint(0, AuditChain.GENESIS, Instant.EPOCH));
    }

    @Override
    public List<AuditEvent> auditOf(String subject) {
        lock.lock();
        try {
            return committed.audit().stream().filter(event -> event.entry().subject().equals(subject)).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void scanAudit(long from, long to, Consumer<AuditEvent> consumer) {
        List<AuditEvent> events;
        lock.lock();
        try {
            events = List.copyOf(committed.audit());
        } finally {
            lock.unlock();
        }
        events.stream().filter(event -> event.sequence() >= from && event.sequence() <= to).forEach(consumer);
    }

    @Override
    public List<Objection> listObjections() {
        return snapshot().objections().values().stream().sorted(Comparator.comparing(Objection::recordedAt)
                .thenComparing(Objection::customer)).toList();
    }

    @Override
    public List<Routing> listRouting(String useCase) {
        return snapshot().routing().values().stream().filter(r -> r.useCase().equals(useCase))
                .sorted(Comparator.comparing(Routing::environment)).toList();
    }

    private State snapshot() {
        lock.lock();
        try {
            return committed;
        } finally {
            lock.unlock();
        }
    }

    private static String key(String useCase, int number) {
        return useCase + "/" + number;
    }

    private record Transaction(State state) implements RegistryTransaction {
        @Override
        public Optional<User> findUser(String name) {
            return Optional.ofNullable(state.users().get(name));
        }

        @Override
        public boolean anyUser() {
            return !state.users().isEmpty();
        }

        @Override
        public Optional<AuditEvent> auditHead() {
            List<AuditEvent> audit = state.audit();
            return audit.isEmpty() ? Optional.empty() : Optional.of(audit.get(audit.size() - 1));
        }

        @Override
        public void insertUser(User user) {
            if (state.users().putIfAbsent(user.name(), user) != null) {
                throw new AssayException(ErrorCode.ALREADY_EXISTS, "user " + user.name() + " already exists");
            }
        }

        @Override
        public void updateUser(User user) {
            if (state.users().replace(user.name(), user) == null) {
                throw AssayException.notFound("no user " + user.name());
            }
        }

        @Override
        public Optional<ApiToken> findToken(String id) {
            return Optional.ofNullable(state.tokens().get(id));
        }

        @Override
        public void insertToken(ApiToken token) {
            if (state.tokens().putIfAbsent(token.id(), token) != null) {
                throw new AssayException(ErrorCode.ALREADY_EXISTS, "token " + token.id() + " already exists");
            }
        }

        @Override
        public void updateToken(ApiToken token) {
            if (state.tokens().replace(token.id(), token) == null) {
                throw AssayException.notFound("no token " + token.id());
            }
        }

        @Override
        public Optional<UseCase> findUseCase(String name) {
            return Optional.ofNullable(state.useCases().get(name));
        }

        @Override
        public void insertUseCase(UseCase useCase) {
            if (state.useCases().putIfAbsent(useCase.name(), useCase) != null) {
                throw new AssayException(ErrorCode.ALREADY_EXISTS, "use case " + useCase.name() + " already exists");
            }
        }

        @Override
        public Optional<ModelVersion> findVersion(String useCase, int number) {
            return Optional.ofNullable(state.versions().get(key(useCase, number)));
        }

        @Override
        public Optional<ModelVersion> findVersionInStage(String useCase, Stage stage) {
            return state.versions().values().stream().filter(v -> v.useCase().equals(useCase) && v.stage() == stage).findFirst();
        }

        @Override
        public int nextVersionNumber(String useCase) {
            return state.versions().values().stream().filter(v -> v.useCase().equals(useCase))
                    .mapToInt(ModelVersion::number).max().orElse(0) + 1;
        }

        @Override
        public void insertVersion(ModelVersion version) {
            if (state.versions().putIfAbsent(key(version.useCase(), version.number()), version) != null) {
                throw new AssayException(ErrorCode.ALREADY_EXISTS, version.label() + " already exists");
            }
        }

        @Override
        public void updateVersion(ModelVersion after) {
            String key = key(after.useCase(), after.number());
            ModelVersion stored = state.versions().get(key);
            if (stored == null || stored.revision() != after.revision() - 1) {
                throw new AssayException(ErrorCode.CONCURRENT_CHANGE, after.label() + " was changed by someone else meanwhile"
                        + " (expected revision " + (after.revision() - 1) + "); reload it and try again");
            }
            if (after.stage() == Stage.PRODUCTION && findVersionInStage(after.useCase(), Stage.PRODUCTION)
                    .filter(other -> other.number() != after.number()).isPresent()) {
                throw new AssayException(ErrorCode.CONCURRENT_CHANGE, "use case " + after.useCase()
                        + " already has a version in PRODUCTION");
            }
            state.versions().put(key, after);
        }

        @Override
        public Optional<Routing> findRouting(String useCase, Environment environment) {
            return Optional.ofNullable(state.routing().get(useCase + "/" + environment));
        }

        @Override
        public Optional<Objection> findObjection(String customer) {
            return Optional.ofNullable(state.objections().get(customer));
        }

        @Override
        public void insertObjection(Objection objection) {
            if (state.objections().putIfAbsent(objection.customer(), objection) != null) {
                throw new AssayException(ErrorCode.ALREADY_EXISTS, "customer " + objection.customer() + " objects to marketing already");
            }
        }

        @Override
        public void deleteObjection(String customer) {
            state.objections().remove(customer);
        }

        @Override
        public void saveRouting(Routing after) {
            String key = after.useCase() + "/" + after.environment();
            long stored = Optional.ofNullable(state.routing().get(key)).map(Routing::revision).orElse(0L);
            if (stored != after.revision() - 1) {
                throw new AssayException(ErrorCode.CONCURRENT_CHANGE, "the " + after.environment() + " routing of " + after.useCase()
                        + " was changed by someone else meanwhile; look again");
            }
            state.routing().put(key, after);
        }

        @Override
        public AuditEvent appendAudit(AuditEntry entry) {
            List<AuditEvent> audit = state.audit();
            AuditEvent event = AuditChain.link(audit.isEmpty() ? null : audit.get(audit.size() - 1), entry);
            audit.add(event);
            return event;
        }
    }
}
