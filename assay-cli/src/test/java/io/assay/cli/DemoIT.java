package io.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick start's first command, through the real launcher, at a small size. */
class DemoIT {
    @TempDir
    Path home;

    @Test
    void the_demo_ingests_every_day_shows_reads_under_grants_builds_training_sets_and_walks_a_version_to_production() throws Exception {
        Launcher.Result demo = Launcher.run(home, Map.of(), 600, "--json", "demo", "--customers", "2000", "--days", "200");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        JsonNode summary = Output.JSON.readTree(demo.out());
        JsonNode ingest = summary.path("ingest");
        assertThat(ingest.path("days_ingested").asInt()).isEqualTo(200);
        assertThat(ingest.path("snapshots").asInt()).isEqualTo(200 * 5);
        assertThat(ingest.path("rows_published").asLong()).isGreaterThan(100_000);
        assertThat(ingest.path("rows_quarantined").asLong()).isPositive();
        assertThat(ingest.path("quarantined_by_reason").has("LEAKED_IDENTIFIER")).isTrue();
        assertThat(ingest.path("batches_rejected").asInt()).isZero();
        assertThat(summary.path("reingest_of_last_day_unchanged_tables").asInt()).isEqualTo(5);
        assertThat(summary.path("access").path("refused_without_grant").asBoolean()).isTrue();
        assertThat(summary.path("access").path("allowed_with_grant").asBoolean()).isTrue();
        assertThat(summary.path("access").path("scientist_granted_herself").asBoolean()).isFalse();
        JsonNode features = summary.path("features");
        assertThat(features.path("features").asInt()).isBetween(40, 60);
        assertThat(features.path("training_sets")).extracting(set -> set.path("use_case").asText())
                .containsExactlyInAnyOrder("overdraft-40d", "churn", "mortgage-propensity");
        assertThat(features.path("training_sets")).allSatisfy(set -> {
            assertThat(set.path("rows").asLong()).isGreaterThan(1000);
            assertThat(set.path("label_rate").asDouble()).isStrictlyBetween(0.0, 0.5);
        });
        assertThat(features.path("serving_tables").asInt()).isEqualTo(3);
        JsonNode governance = summary.path("governance");
        assertThat(governance.path("use_cases").asInt()).isEqualTo(3);
        // Trained on the simulated bank, the models find what the simulator planted, and match their baseline. The
        // bank starts 200 days before today, so its calendar (and with it the test AUC) moves by the day; at 2,000
        // customers the trees and the linear baseline sit within about a point of each other, either side.
        assertThat(governance.path("models")).hasSize(3);
        governance.path("models").forEach(model -> {
            if (!model.path("use_case").asText().equals("mortgage-propensity")) {
                assertThat(model.path("xgboost_test_auc").asDouble()).as(model.toString()).isGreaterThan(0.8)
                        .isGreaterThanOrEqualTo(model.path("logistic_test_auc").asDouble() - 0.03);
            }
        });
        // The first version's stability gate fails on calendar-bound inputs; it is sent back, reworked without them, and passes.
        assertThat(governance.path("sent_back")).extracting(JsonNode::asText).contains("overdraft-40d v1");
        assertThat(governance.path("in_production")).extracting(JsonNode::asText).contains("overdraft-40d v2");
        assertThat(governance.path("challenger_stage").asText()).isEqualTo("CANDIDATE");
        assertThat(governance.path("reproduced")).isNotEmpty().allSatisfy(r -> assertThat(r.path("verdict").asText()).isEqualTo("IDENTICAL"));
        assertThat(governance.path("refused_attempts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(governance.path("audit").path("intact").asBoolean()).isTrue();
        assertThat(governance.path("audit").path("events").asLong()).isGreaterThan(20);
        JsonNode rest = summary.path("rest");
        assertThat(rest.path("routes").asInt()).isGreaterThan(20);
        assertThat(rest.path("production_routing").asText()).isEqualTo("champion v2");
        assertThat(rest.path("test_routing").asText()).isEqualTo("champion v2");
        assertThat(rest.path("scientist_refused").asBoolean()).isTrue();
        assertThat(rest.path("audit_intact").asBoolean()).isTrue();
        JsonNode scoring = summary.path("scoring");
        assertThat(scoring.path("use_case").asText()).isEqualTo("overdraft-40d");
        assertThat(scoring.path("scored").asInt()).isEqualTo(500);
        assertThat(scoring.path("by_version").path("2").asInt()).as("production's champion answers every call").isEqualTo(500);
        assertThat(scoring.path("logged").asBoolean()).isTrue();
        assertThat(scoring.path("reasons_in_last_answer").asInt()).as("an answer carries its top three reasons").isEqualTo(3);
        assertThat(scoring.path("bad_features_refused").asBoolean()).isTrue();
        assertThat(scoring.path("scientist_refused").asBoolean()).isTrue();
        assertThat(scoring.path("suppressed").asBoolean()).as("an objecting customer is not scored by a marketing use case").isTrue();
        assertThat(summary.path("not_built_yet")).isNotEmpty();
        assertThat(demo.err()).contains("ingesting").contains("Assay demo");
    }
}
