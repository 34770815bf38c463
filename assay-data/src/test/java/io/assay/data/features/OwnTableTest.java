package io.assay.data.features;

import io.assay.core.common.IdSource;
import io.assay.data.DataEnvironment;
import io.assay.data.DataLayout;
import io.assay.data.contract.ContractInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bank's own table, with no business-date column (a monthly bureau file), goes the whole way:
 * a drafted contract, ingest, a feature view of the bank's own, and a training set beside the
 * starter-style features. Its snapshot's business date is its as-of.
 */
class OwnTableTest {
    @TempDir
    Path home;

    @Test
    void a_table_without_a_date_column_goes_through_contract_infer_ingest_a_view_and_a_training_set() throws Exception {
        TinyBank bank = new TinyBank(home);
        Path bureau = Files.writeString(home.resolve("in/bureau.csv"), "customer_id,bureau_score,defaults_12m\n"
                + "C00000001,612,1\nC00000002,745,0\n");
        Files.writeString(Files.createDirectories(home.resolve("contracts")).resolve("bureau.yaml"),
                ContractInference.infer(bureau, "bureau", Optional.of("customer_id"), Optional.empty()));
        // A new session over the same home, as the next command would be: it reads the new contract.
        DataEnvironment data = new DataEnvironment(new DataLayout(home), bank.catalog, io.assay.testing.DataFixtures.people(),
                bank.catalog.audit(), bank.clock, IdSource.random(), Optional.of(TinyBank.KEY));
        data.ingest("robot", bureau, "bureau", TinyBank.FIRST, Optional.empty());
        data.access().grant("dana", "bureau model", List.of("bureau", "accounts", "customers"), LocalDate.of(2026, 6, 1), "stu");

        bank.view("bureau_scores", "SELECT customer_id, bureau_score, defaults_12m, business_date AS reported_on FROM bureau",
                "bureau_score:INTEGER", "defaults_12m:INTEGER", "reported_on:DATE");
        bank.view("probe", "SELECT customer_id, CAST(min(balance) AS DOUBLE) AS lowest FROM accounts_history GROUP BY ALL",
                "lowest:DOUBLE");
        FeatureBuild build = data.features().build("dana", "bureau_scores", LocalDate.of(2026, 5, 3)).value();
        assertThat(build.rows()).isEqualTo(2);
        assertThat(build.inputs()).extracting(FeatureBuild.Input::table, FeatureBuild.Input::businessDate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bureau", TinyBank.FIRST));
        assertThat(build.columns()).filteredOn(c -> c.name().equals("bureau_score"))
                .singleElement().satisfies(c -> assertThat(c.min()).isEqualTo(612.0));

        bank.label("bureau-overdraft", 1, "SELECT customer_id, bool_or(balance < 0) AS label FROM accounts_history "
                        + "WHERE business_date > :as_of AND business_date <= :horizon_end GROUP BY ALL",
                "SELECT customer_id, CAST(NULL AS VARCHAR) AS exclusion FROM customers", "probe", "bureau_scores");
        TrainingSet set = data.features().buildTrainingSet("dana", "bureau-overdraft",
                List.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 3)), Optional.empty()).value();
        assertThat(set.rows()).isEqualTo(6);
        assertThat(set.features()).contains("bureau_score", "defaults_12m", "lowest");
        assertThat(set.labelRate()).isEqualTo(0.5);
    }
}
