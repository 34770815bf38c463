package io.assay.store;

import io.assay.core.access.User;
import io.assay.core.audit.AuditService;
import io.assay.core.error.AssayException;
import io.assay.core.registry.LifecyclePolicy;
import io.assay.core.registry.ModelRegistry;
import io.assay.core.registry.RegistryStore;
import io.assay.core.registry.RiskTier;
import io.assay.core.registry.Stage;
import io.assay.core.registry.UseCase;
import io.assay.testing.PostgresTestDatabase;
import io.assay.testing.RegistryFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 64 MLOps clients promote 64 different tested versions of one use case at the same moment, 100
 * times over: each round exactly one wins, the use case never has two production versions, and
 * the audit log holds one event per attempt (plus the superseded champion's retirement).
 */
class PostgresConcurrentPromotionTest {
    private static final int CLIENTS = 64;
    private static final int ROUNDS = 100;
    private PostgresTestDatabase postgres;
    private Database database;

    @Test
    void concurrent_promotions_have_exactly_one_winner_per_round_and_every_attempt_is_audited() throws Exception {
        postgres = PostgresTestDatabase.createOrSkip();
        database = Database.open(new DatabaseConfig(postgres.url(), postgres.user(), ""));
        RegistryStore store = database.registryStore();
        UseCase churn = RegistryFixtures.useCase("churn", RiskTier.HIGH, List.of("metrics"));
        RegistryFixtures.seed(store, churn);
        ModelRegistry registry = new ModelRegistry(store, new LifecyclePolicy(), Clock.systemUTC());
        AuditService audit = new AuditService(store, Clock.systemUTC());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Optional<Integer> champion = Optional.empty();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                int first = round * CLIENTS + 1;
                store.inTransaction(tx -> {
                    for (int n = first; n < first + CLIENTS; n++) {
                        tx.insertVersion(RegistryFixtures.testedVersion(churn, n));
                    }
                    return null;
                });
                long eventsBefore = audit.verify(Optional.empty()).eventsChecked();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> attempts = new ArrayList<>();
                Optional<Integer> expected = champion;
                for (int n = first; n < first + CLIENTS; n++) {
                    int number = n;
                    attempts.add(clients.submit(() -> {
                        start.await();
                        try {
                            registry.promote("mo", "churn", number, expected, "round");
                            return true;
                        } catch (AssayException lost) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> attempt : attempts) {
                    winners += attempt.get(2, TimeUnit.MINUTES) ? 1 : 0;
                }
                List<Integer> inProduction = productionVersions(database);
                long eventsAfter = audit.verify(Optional.empty()).eventsChecked();

                assertThat(winners).as("winners in round %d", round).isEqualTo(1);
                assertThat(inProduction).as("production versions after round %d", round).hasSize(1);
                // Every attempt, the superseded champion's step down, and production's routing following the winner.
                assertThat(eventsAfter - eventsBefore).as("audit events in round %d", round)
                        .isEqualTo(CLIENTS + (champion.isPresent() ? 1 : 0) + 1);
                assertThat(store.listRouting("churn")).singleElement()
                        .satisfies(routing -> assertThat(routing.champion()).isEqualTo(Optional.of(inProduction.get(0))));
                champion = Optional.of(inProduction.get(0));
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(audit.verify(Optional.empty()).intact()).isTrue();
        assertThat(store.listUsers()).extracting(User::name).contains("mo");
    }

    private static List<Integer> productionVersions(Database database) throws java.sql.SQLException {
        List<Integer> numbers = new ArrayList<>();
        try (var connection = database.dataSource().getConnection();
             var rows = connection.createStatement().executeQuery("SELECT number FROM model_versions WHERE stage = 'PRODUCTION'")) {
            while (rows.next()) {
                numbers.add(rows.getInt(1));
            }
        }
        return numbers;
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
