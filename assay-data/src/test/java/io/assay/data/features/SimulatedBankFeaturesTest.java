package io.assay.data.features;

import io.assay.data.privacy.PseudonymKey;
import io.assay.data.privacy.Pseudonymiser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter views and labels on the simulated bank: every feature finite and in a plausible
 * range, and for every mature customer the three labels agree with what the simulator knows
 * happened (its ground truth, never ingested).
 */
class SimulatedBankFeaturesTest {
    private static final List<LocalDate> AS_OFS = List.of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 14),
            LocalDate.of(2026, 4, 28));

    @TempDir
    static Path root;
    static SimulatedBank bank;

    @BeforeAll
    static void simulateAndIngest() {
        bank = new SimulatedBank(root, 1000, 150);
    }

    @Test
    void every_starter_feature_is_finite_and_plausible_on_the_simulated_bank() throws SQLException {
        FeatureDefinitions definitions = bank.data.features().definitions("dana");
        int features = definitions.views().values().stream().mapToInt(view -> view.features().size()).sum();
        assertThat(features).as("starter features").isBetween(40, 60);
        LocalDate asOf = AS_OFS.get(2);
        for (FeatureView view : definitions.views().values()) {
            FeatureBuild build = bank.data.features().build("dana", view.name(), asOf).value();
            assertThat(build.rows()).as(view.name()).isBetween(900L, 1100L);
            for (ColumnProfile column : build.columns()) {
                String name = column.name();
                if (column.min() == null) {
                    continue;
                }
                if (name.startsWith("has_") || name.startsWith("is_") || name.equals("salary_detected")) {
                    assertThat(column.min()).as(name).isGreaterThanOrEqualTo(0);
                    assertThat(column.max()).as(name).isLessThanOrEqualTo(1);
                }
                if (name.startsWith("overdraft_usage")) {
                    // beyond 1 when the account runs past its arranged limit
                    assertThat(column.min()).as(name).isGreaterThanOrEqualTo(0);
                }
                if (name.endsWith("_share_30d")) {
                    assertThat(column.min()).as(name).isGreaterThanOrEqualTo(0);
                    assertThat(column.max()).as(name).isLessThanOrEqualTo(1.000001);
                }
                if (name.startsWith("days_below_zero_") || name.endsWith("_90d") && column.type() == FeatureType.INTEGER
                        || name.endsWith("_30d") && column.type() == FeatureType.INTEGER) {
                    assertThat(column.min()).as(name).isGreaterThanOrEqualTo(0);
                }
                if (name.equals("days_below_zero_30d")) {
                    assertThat(column.max()).as(name).isLessThanOrEqualTo(30);
                }
                if (name.startsWith("balance_")) {
                    assertThat(column.max()).as(name).isLessThan(10_000_000);
                }
                if (name.equals("tenure_months")) {
                    assertThat(column.min()).as(name).isGreaterThanOrEqualTo(0);
                    assertThat(column.max()).as(name).isLessThanOrEqualTo(1500);
                }
            }
            assertThat(build.warnings()).as(view.name() + " warnings").allMatch(w -> !w.contains("null in every row"));
        }
        // The salary and overdraft signals the simulator plants are there to find.
        FeatureBuild cashflow = bank.data.features().build("dana", "cashflow", asOf).value();
        assertThat(profile(cashflow, "salary_detected").max()).isEqualTo(1.0);
        FeatureBuild balances = bank.data.features().build("dana", "balances", asOf).value();
        assertThat(profile(balances, "days_below_zero_30d").max()).isGreaterThan(0.0);
    }

    @Test
    void for_every_mature_customer_the_labels_agree_with_what_the_simulator_knows_happened() throws Exception {
        Pseudonymiser.DomainTokens tokens = new Pseudonymiser(PseudonymKey.resolve(Optional.of(SimulatedBank.KEY),
                root.resolve("unused.key"))).forDomain("customer");
        Map<String, Map<String, Set<LocalDate>>> truth = groundTruth(tokens);
        Map<String, String> eventOf = Map.of("overdraft-40d", "BELOW_ZERO", "churn", "LEFT", "mortgage-propensity", "MORTGAGE_OPENED");
        for (String useCase : eventOf.keySet()) {
            TrainingSet set = bank.data.features().buildTrainingSet("dana", useCase, AS_OFS, Optional.empty()).value();
            int horizon = set.horizonDays();
            long checked = 0;
            long positives = 0;
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT as_of, customer_id, label FROM read_parquet('"
                         + bank.data.features().dataFile(set) + "')")) {
                while (rows.next()) {
                    LocalDate asOf = rows.getObject(1, LocalDate.class);
                    String customer = rows.getString(2);
                    boolean expected = truth.getOrDefault(eventOf.get(useCase), Map.of()).getOrDefault(customer, Set.of()).stream()
                            .anyMatch(day -> day.isAfter(asOf) && !day.isAfter(asOf.plusDays(horizon)));
                    assertThat(rows.getBoolean(3)).as("%s label of %s as of %s", useCase, customer, asOf).isEqualTo(expected);
                    checked++;
                    positives += expected ? 1 : 0;
                }
            }
            assertThat(checked).as(useCase).isEqualTo(set.rows());
            assertThat(positives).as(useCase + " positives").isPositive().isEqualTo(set.asOfs().stream()
                    .mapToLong(TrainingSet.AsOf::positives).sum());
        }
    }

    @Test
    void a_training_set_is_split_by_time_and_reports_what_it_left_out() {
        TrainingSet set = bank.data.features().buildTrainingSet("dana", "overdraft-40d", AS_OFS, Optional.empty()).value();
        assertThat(set.splits().get("train").asOfs()).containsExactly(AS_OFS.get(0));
        assertThat(set.splits().get("validation").asOfs()).containsExactly(AS_OFS.get(1));
        assertThat(set.splits().get("test").asOfs()).containsExactly(AS_OFS.get(2));
        assertThat(set.asOfs()).allSatisfy(asOf -> {
            assertThat(asOf.excluded()).containsKey("already_overdrawn");
            assertThat(asOf.population()).isEqualTo(asOf.rows() + asOf.withoutLabel()
                    + asOf.excluded().values().stream().mapToLong(Long::longValue).sum()
                    + asOf.withoutFeatures().values().stream().mapToLong(Long::longValue).sum());
        });
        assertThat(set.features()).doesNotContain("gender", "age_band").contains("balance_now", "salary_detected");
        assertThat(set.attributes()).contains("gender", "age_band", "segment", "region");
        assertThat(set.featureBuilds()).hasSize(AS_OFS.size() * 5);
        // Built again from the same snapshots: the same content, so the same training set, published once.
        Published<TrainingSet> again = bank.data.features().buildTrainingSet("dana", "overdraft-40d", AS_OFS, Optional.empty());
        assertThat(again.published()).isFalse();
        assertThat(again.value().id()).isEqualTo(set.id());
        assertThat(bank.data.features().trainingSets("dana", Optional.of("overdraft-40d"))).extracting(TrainingSet::id)
                .containsExactly(set.id());
    }

    @Test
    void the_serving_table_holds_one_row_per_customer_from_the_same_builds_as_training() throws SQLException {
        LocalDate asOf = bank.lastDay();
        List<ServingTable> tables = bank.data.features().materialize("dana", asOf, Optional.empty());
        assertThat(tables).extracting(ServingTable::useCase).containsExactlyInAnyOrder("overdraft-40d", "churn", "mortgage-propensity");
        ServingTable overdraft = bank.data.features().servingTable("dana", "overdraft-40d").orElseThrow();
        assertThat(overdraft.asOf()).isEqualTo(asOf);
        FeatureBuild balances = bank.data.features().build("dana", "balances", asOf).value();
        assertThat(overdraft.featureBuilds()).contains(balances.id());
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement();
             ResultSet counts = statement.executeQuery("SELECT count(*), count(DISTINCT customer_id) FROM read_parquet('"
                     + bank.data.features().dataFile(overdraft) + "')")) {
            counts.next();
            assertThat(counts.getLong(1)).isEqualTo(overdraft.rows()).isEqualTo(counts.getLong(2)).isPositive();
        }
    }

    private static ColumnProfile profile(FeatureBuild build, String column) {
        return build.columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow();
    }

    /** event → customer token → the days it happened. */
    private static Map<String, Map<String, Set<LocalDate>>> groundTruth(Pseudonymiser.DomainTokens tokens) throws IOException {
        Map<String, Map<String, Set<LocalDate>>> truth = new HashMap<>();
        for (String line : Files.readAllLines(bank.extract.resolve("ground-truth.csv")).stream().skip(1).toList()) {
            String[] fields = line.split(",");
            truth.computeIfAbsent(fields[1], e -> new HashMap<>()).computeIfAbsent(tokens.token(fields[0]), c -> new HashSet<>())
                    .add(LocalDate.parse(fields[2]));
        }
        return truth;
    }
}
