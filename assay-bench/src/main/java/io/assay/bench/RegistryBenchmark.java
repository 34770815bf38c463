package io.assay.bench;

import io.assay.core.audit.AuditChain;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditEvent;
import io.assay.core.audit.AuditService;
import io.assay.core.audit.AuditVerification;
import io.assay.core.registry.LifecyclePolicy;
import io.assay.core.registry.ModelRegistry;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.RegistryStore;
import io.assay.core.registry.RiskTier;
import io.assay.core.registry.UseCase;
import io.assay.data.DurableFiles;
import io.assay.store.Database;
import io.assay.store.DatabaseConfig;
import io.assay.store.JdbcAuditChain;
import io.assay.store.SqlDialect;
import io.assay.testing.PostgresTestDatabase;
import io.assay.testing.RegistryFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Registry benchmarks, on the embedded SQLite file and on PostgreSQL (127.0.0.1:5432/test, skipped when not
 * reachable): lifecycle transitions per second with their audit events, for 1 and 16 clients,
 * beside a bare optimistic UPDATE of the same rows (the peer: what the database costs without
 * governance); and audit verification in events per second over a long chain, beside a bare read
 * of the same rows without hashing.
 */
final class RegistryBenchmark {
    private static final Clock CLOCK = Clock.systemUTC();

    private RegistryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int transitions = intArgument(args, "--transitions", 1600);
        int events = intArgument(args, "--events", 1_000_000);
        int runs = intArgument(args, "--runs", 3);
        System.out.printf("Assay registry benchmarks — %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), LocalDate.now());
        Path work = Files.createTempDirectory("assay-registry-bench-");
        try {
            try (Database sqlite = Database.open(DatabaseConfig.embedded(work.resolve("sqlite")))) {
                run("SQLite (embedded file)", sqlite, transitions, events, runs);
            }
            try (PostgresTestDatabase postgres = PostgresTestDatabase.createOrSkip();
                 Database pg = Database.open(new DatabaseConfig(postgres.url() + "&reWriteBatchedInserts=true", postgres.user(), ""))) {
                run("PostgreSQL 127.0.0.1:5432", pg, transitions, events, runs);
            } catch (RuntimeException notReachable) {
                System.out.println("\nPostgreSQL: skipped (" + notReachable.getMessage() + ")");
            }
        } finally {
            DurableFiles.deleteRecursively(work);
        }
    }

    private static void run(String name, Database database, int transitions, int events, int runs) throws Exception {
        RegistryStore store = database.registryStore();
        UseCase useCase = RegistryFixtures.useCase("bench", RiskTier.LOW, List.of("metrics"));
        RegistryFixtures.seed(store, useCase);
        System.out.printf("%n%s%n", name);
        int[] next = {1};
        for (int clients : new int[] {1, 16}) {
            Timing governed = new Timing();
            Timing bare = new Timing();
            for (int run = 0; run < runs; run++) {
                List<Integer> numbers = drafts(store, useCase, next, transitions);
                governed.add(() -> parallel(clients, numbers, number ->
                        new ModelRegistry(store, new LifecyclePolicy(), CLOCK).submit("dana", "bench", number, "bench")));
                List<Integer> others = drafts(store, useCase, next, transitions);
                bare.add(() -> parallel(clients, others, number -> bareUpdate(database, number)));
            }
            System.out.printf("  transitions, %2d client(s): %,8.0f /s with policy + audit event (%s)   peer bare UPDATE %,8.0f /s"
                            + "   ratio %.1fx%n", clients, transitions / governed.median(), governed, transitions / bare.median(),
                    governed.median() / bare.median());
        }
        if (database.dialect() == SqlDialect.SQLITE) {
            durabilityCost(database, store, useCase, next, transitions, runs);
        }
        long chain = fillAuditChain(database, store, events);
        AuditService audit = new AuditService(store, CLOCK);
        Timing verify = new Timing();
        Timing scan = new Timing();
        AuditVerification[] result = new AuditVerification[1];
        for (int run = 0; run < runs; run++) {
            verify.add(() -> result[0] = audit.verify(Optional.empty()));
            scan.add(() -> bareScan(database));
        }
        System.out.printf("  audit verify over %,d events: %,.0f events/s (%s, intact: %s)   peer bare read %,.0f rows/s   ratio %.1fx%n",
                chain, chain / verify.median(), verify, result[0].intact(), chain / scan.median(), verify.median() / scan.median());
    }

    /**
     * What syncing every commit costs: the same 1-client transitions with the write-ahead log
     * synced at each commit (how Assay runs) and left to the operating system (synchronous=OFF:
     * survives a killed process, not a power cut), alternating, on the same file.
     */
    private static void durabilityCost(Database database, RegistryStore store, UseCase useCase, int[] next, int transitions, int runs)
            throws Exception {
        Timing synced = new Timing();
        Timing unsynced = new Timing();
        for (int run = 0; run < runs; run++) {
            List<Integer> numbers = drafts(store, useCase, next, transitions);
            synced.add(() -> parallel(1, numbers, number ->
                    new ModelRegistry(store, new LifecyclePolicy(), CLOCK).submit("dana", "bench", number, "bench")));
            List<Integer> others = drafts(store, useCase, next, transitions);
            synchronous(database, "OFF");
            try {
                unsynced.add(() -> parallel(1, others, number ->
                        new ModelRegistry(store, new LifecyclePolicy(), CLOCK).submit("dana", "bench", number, "bench")));
            } finally {
                synchronous(database, "FULL");
            }
        }
        System.out.printf("  durability, 1 client:      %,8.0f /s synced at every commit (%s)   peer synchronous=OFF %,8.0f /s"
                + "   cost %.1fx%n", transitions / synced.median(), synced, transitions / unsynced.median(),
                synced.median() / unsynced.median());
    }

    /** Sets the sync mode of the embedded file's one write connection (see Database). */
    private static void synchronous(Database database, String mode) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); java.sql.Statement pragma = connection.createStatement()) {
            pragma.execute("PRAGMA synchronous = " + mode);
        }
    }

    /** Drafts to submit, inserted in one transaction (their registration is not what is measured). */
    private static List<Integer> drafts(RegistryStore store, UseCase useCase, int[] next, int count) {
        List<Integer> numbers = new ArrayList<>();
        store.inTransaction(tx -> {
            for (int i = 0; i < count; i++) {
                int number = next[0]++;
                tx.insertVersion(ModelVersion.draft(useCase.name(), number, "dana", RegistryFixtures.artifact(RegistryFixtures.ARTIFACT_SHA),
                        RegistryFixtures.signature(), RegistryFixtures.provenance(), RegistryFixtures.metricSpec(), Optional.empty(),
                        RegistryFixtures.NOW));
                numbers.add(number);
            }
            return null;
        });
        return numbers;
    }

    interface Transition {
        void apply(int number) throws Exception;
    }

    private static void parallel(int clients, List<Integer> numbers, Transition transition) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int first = client;
                done.add(pool.submit(() -> {
                    for (int i = first; i < numbers.size(); i += clients) {
                        transition.apply(numbers.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void bareUpdate(Database database, int number) throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("UPDATE model_versions SET stage = 'CANDIDATE', "
                    + "revision = revision + 1 WHERE use_case = 'bench' AND number = ? AND revision = 1")) {
                update.setInt(1, number);
                update.executeUpdate();
            }
            connection.commit();
        }
    }

    /** Appends linked events straight into the table in batches, up to {@code events} in all. */
    private static long fillAuditChain(Database database, RegistryStore store, int events) throws Exception {
        AuditEvent previous = store.auditHead().orElse(null);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(JdbcAuditChain.INSERT)) {
                long from = previous == null ? 1 : previous.sequence() + 1;
                for (long sequence = from; sequence <= events; sequence++) {
                    AuditEvent event = AuditChain.link(previous, new AuditEntry(start.plusMillis(sequence), "dana", "version.submit",
                            "model:bench/v" + sequence, "DRAFT", "CANDIDATE", "submitted; metric spec frozen", "bench-" + sequence));
                    JdbcAuditChain.bind(database.dialect(), insert, event);
                    insert.addBatch();
                    if (sequence % 5000 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                    previous = event;
                }
                insert.executeBatch();
            }
            try (PreparedStatement head = connection.prepareStatement("UPDATE audit_head SET sequence = ?, hash = ? WHERE id = 1")) {
                head.setLong(1, previous.sequence());
                head.setString(2, previous.hash());
                head.executeUpdate();
            }
            connection.commit();
        }
        return previous.sequence();
    }

    private static void bareScan(Database database) throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("SELECT sequence, event_time, actor, action, subject, "
                    + "before_state, after_state, reason, request_id, previous_hash, hash FROM audit_events ORDER BY sequence")) {
                select.setFetchSize(1000);
                long seen = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        seen += rows.getLong(1) + rows.getString(3).length() + rows.getString(11).length();
                    }
                }
                if (seen == 0) {
                    throw new IllegalStateException("no audit events read");
                }
            }
            connection.commit();
        }
    }

    private static int intArgument(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
