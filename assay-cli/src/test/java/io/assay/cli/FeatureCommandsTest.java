package io.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.banksim.BankSimulator;
import io.assay.banksim.SimulationConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The feature, label and training-set commands driven the way a data scientist drives them, on a simulated bank. */
class FeatureCommandsTest {
    private static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final int DAYS = 50;

    @TempDir
    static Path home;
    @TempDir
    static Path extract;

    static CliRunner assay;

    @BeforeAll
    static void simulateIngestAndGrant() {
        assay = new CliRunner(home, Clock.fixed(Instant.parse("2026-10-21T08:00:00Z"), ZoneOffset.UTC));
        new BankSimulator().run(SimulationConfig.defaults().withCustomers(300).withDays(DAYS).withStartDate(START).withShiftDay(0),
                extract, (day, index, total, rows) -> { });
        for (String[] person : new String[][] {{"sam", "DATA_STEWARD"}, {"dana", "DATA_SCIENTIST"}, {"eve", "DATA_SCIENTIST"},
                {"aud", "AUDITOR"}}) {
            ok(assay.run("--as", "tester", "users", "add", person[0], "--roles", person[1]));
        }
        ok(as("sam", "data", "ingest-days", extract.toString()));
        ok(as("sam", "data", "grant", "--user", "dana", "--purpose", "overdraft model", "--tables",
                "customers,accounts,transactions,products,digital_events", "--expires", "+30d"));
    }

    @Test
    void lists_and_shows_the_starter_views_and_labels() {
        CliRunner.Run list = ok(as("dana", "features", "list"));
        assertThat(list.out()).contains("balances", "cashflow", "customer_profile", "engagement", "products_held", "56 feature(s)");
        CliRunner.Run show = ok(as("dana", "features", "show", "balances"));
        assertThat(show.out()).contains("days_below_zero_30d", "accounts_history", ":as_of", "required");
        CliRunner.Run labels = ok(as("aud", "features", "labels"));
        assertThat(labels.out()).contains("overdraft-40d", "40-day horizon", "including-overdrawn");
    }

    @Test
    void a_build_is_published_once_and_the_same_build_again_changes_nothing() {
        CliRunner.Run first = ok(as("dana", "--json", "features", "build", "--view", "engagement", "--as-of", "2026-10-10"));
        assertThat(first.json().path("published").asBoolean()).isTrue();
        assertThat(first.json().path("rows").asLong()).isGreaterThan(250);
        CliRunner.Run again = ok(as("dana", "features", "build", "--view", "engagement", "--as-of", "2026-10-10"));
        assertThat(again.out()).startsWith("Already built " + first.json().path("id").asText());
        assertThat(ok(as("aud", "features", "builds", "--view", "engagement")).out()).contains(first.json().path("id").asText());
        assertThat(ok(as("aud", "data", "reads", "--user", "dana")).out()).contains("feature build engagement");
    }

    @Test
    void a_build_written_to_a_file_is_a_logged_read_and_its_bytes_are_the_published_ones() throws Exception {
        Path file = home.resolve("engagement.parquet");
        CliRunner.Run written = ok(as("dana", "--json", "features", "build", "--view", "engagement", "--as-of", "2026-10-09",
                "--out", file.toString()));
        assertThat(io.assay.data.DurableFiles.sha256(file)).isEqualTo(written.json().path("content_sha256").asText());
        assertThat(ok(as("aud", "data", "reads", "--user", "dana")).out()).contains("export of feature build engagement-2026-10-09");
        CliRunner.Run refused = as("eve", "features", "build", "--view", "engagement", "--as-of", "2026-10-09", "--out",
                home.resolve("eve.parquet").toString());
        assertThat(refused.exitCode()).isEqualTo(4);
        assertThat(home.resolve("eve.parquet")).doesNotExist();
    }

    @Test
    void builds_shows_and_lists_a_training_set_split_by_time() {
        CliRunner.Run built = ok(as("dana", "--json", "trainset", "build", "--use-case", "overdraft-40d",
                "--as-of", "2026-09-03,2026-09-06,2026-09-10"));
        JsonNode set = built.json();
        assertThat(set.path("rows").asLong()).isGreaterThan(600);
        assertThat(set.path("splits").path("test").path("as_ofs").get(0).asText()).isEqualTo("2026-09-10");
        assertThat(set.path("splits").path("validation").path("as_ofs").get(0).asText()).isEqualTo("2026-09-06");
        String id = set.path("id").asText();
        CliRunner.Run show = ok(as("aud", "trainset", "show", id));
        assertThat(show.out()).contains(id, "train", "validation", "test", "label rate", "already_overdrawn");
        assertThat(ok(as("dana", "trainset", "list")).out()).contains(id, "overdraft-40d");
    }

    @Test
    void bad_requests_are_refused_with_their_reason_and_exit_code() {
        CliRunner.Run unknown = as("dana", "features", "build", "--view", "nope", "--as-of", "2026-10-10");
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.err()).contains("no feature view 'nope'");
        CliRunner.Run notADate = as("dana", "features", "build", "--view", "balances", "--as-of", "10/10/2026");
        assertThat(notADate.exitCode()).isEqualTo(2);
        assertThat(notADate.err()).contains("dates are written yyyy-MM-dd");
        CliRunner.Run future = as("dana", "features", "build", "--view", "balances", "--as-of", "+1d");
        assertThat(future.exitCode()).isEqualTo(2);
        assertThat(future.err()).contains("is not in the past");
        CliRunner.Run immature = as("dana", "trainset", "build", "--use-case", "churn", "--as-of", "2026-09-26,2026-10-03,2026-10-10");
        assertThat(immature.exitCode()).isEqualTo(5);
        assertThat(immature.err()).contains("NOT_MATURE", "left out as immature", "90-day label of churn");
        CliRunner.Run noGrant = as("eve", "features", "build", "--view", "balances", "--as-of", "2026-10-10");
        assertThat(noGrant.exitCode()).isEqualTo(4);
        assertThat(noGrant.err()).contains("no live grant", "accounts");
        CliRunner.Run auditor = as("aud", "trainset", "build", "--use-case", "overdraft-40d", "--as-of", "2026-09-26,2026-10-03,2026-10-10");
        assertThat(auditor.exitCode()).isEqualTo(4);
        assertThat(auditor.err()).contains("may not query the data environment");
    }

    @Test
    void drafts_a_contract_from_a_sample_and_refuses_an_empty_one() throws Exception {
        Path sample = Files.writeString(home.resolve("bureau.csv"), "customer_id,bureau_score\nC00000001,612\nC00000002,745\n");
        CliRunner.Run draft = ok(assay.run("data", "contract", "infer", sample.toString(), "--key", "customer_id"));
        assertThat(draft.out()).contains("table: bureau", "unique_key: [customer_id]", "pseudonymise: TOKENISE", "token_domain: customer",
                "type: INTEGER", "# REVIEW");
        Path empty = Files.writeString(home.resolve("empty.csv"), "customer_id,bureau_score\n");
        CliRunner.Run refused = assay.run("data", "contract", "infer", empty.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("empty.csv has a header but no rows");
    }

    private static CliRunner.Run as(String user, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--as";
        all[1] = user;
        System.arraycopy(args, 0, all, 2, args.length);
        return assay.run(all);
    }

    private static CliRunner.Run ok(CliRunner.Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void training_commands_record_runs_compare_them_and_refuse_bad_input_by_name() throws Exception {
        CliRunner.Run set = ok(as("dana", "--json", "trainset", "build", "--use-case", "overdraft-40d", "--as-of",
                "2026-09-03,2026-09-07,2026-09-10"));
        String trainset = set.json().path("id").asText();
        CliRunner.Run logistic = ok(as("dana", "--json", "train", "--use-case", "overdraft-40d", "--trainset", trainset, "--algorithm",
                "logistic"));
        assertThat(logistic.json().path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(logistic.json().path("metrics").path("test").path("figures").path("auc").asDouble()).isBetween(0.5, 1.0);
        Path params = home.resolve("params.yaml");
        java.nio.file.Files.writeString(params, "max_depth: 3\nrounds: 30\n");
        CliRunner.Run trees = ok(as("dana", "--json", "train", "--use-case", "overdraft-40d", "--trainset", trainset, "--params",
                params.toString()));
        assertThat(trees.json().path("parameters").path("max_depth").asText()).isEqualTo("3");
        String run = trees.json().path("id").asText();
        assertThat(ok(as("aud", "runs", "compare", logistic.json().path("id").asText(), run)).out()).contains("test auc", "delta");
        assertThat(ok(as("aud", "runs", "show", run)).out()).contains("provenance", "importance", "age_band");

        refused(as("dana", "train", "--use-case", "overdraft-40d", "--trainset", trainset, "--param", "max_depth=40"), 2,
                "parameter max_depth is 40; it takes 1 to 16");
        refused(as("dana", "train", "--use-case", "overdraft-40d", "--trainset", trainset, "--param", "eta=fast"), 2, "parameter eta is 'fast'");
        refused(as("dana", "train", "--use-case", "overdraft-40d", "--trainset", "overdraft-40d-000000000000"), 3, "no training set");
        refused(as("dana", "train", "--use-case", "churn", "--trainset", trainset), 2, "is of use case overdraft-40d, not churn");
        refused(as("aud", "runs", "show", "overdraft-40d-run-999"), 3, "no run");
        assertThat(ok(as("aud", "runs", "list", "--use-case", "overdraft-40d")).out()).contains("FAILED", "SUCCEEDED");

        ok(as("dana", "models", "define", "overdraft-40d", "--risk-tier", "LOW", "--description", "d", "--intended-use", "u",
                "--limitations", "l", "--gates", "metrics"));
        Path unknownMetric = home.resolve("accuracy.yaml");
        java.nio.file.Files.writeString(unknownMetric, "spec_format: 1\nmetrics:\n  - {metric: accuracy, at_least: 0.9}\n");
        refused(as("dana", "models", "register", "overdraft-40d", "--run", run, "--spec", unknownMetric.toString()), 2,
                "names metric 'accuracy', which Assay does not compute");
        Path unknownSegment = home.resolve("postcode.yaml");
        java.nio.file.Files.writeString(unknownSegment, "spec_format: 1\nmetrics:\n  - {metric: auc, at_least: 0.6}\nsegments:\n"
                + "  - {attribute: postcode, metric: auc, at_least: 0.6}\n");
        refused(as("dana", "models", "register", "overdraft-40d", "--run", run, "--spec", unknownSegment.toString()), 2, "segment postcode");
        Path spec = home.resolve("spec.yaml");
        java.nio.file.Files.writeString(spec, "spec_format: 1\nmetrics:\n  - {metric: auc, at_least: 0.6}\n");
        refused(as("dana", "models", "register", "overdraft-40d", "--run", "overdraft-40d-run-999", "--spec", spec.toString()), 3, "no run");
        Path pickle = home.resolve("model.json");
        java.nio.file.Files.write(pickle, new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0});
        Path signature = home.resolve("signature.yaml");
        java.nio.file.Files.writeString(signature, "output: probability\ninputs:\n  - {name: balance_now, type: DOUBLE, nullable: true}\n");
        refused(as("dana", "models", "register", "overdraft-40d", "--xgboost-model", pickle.toString(), "--signature", signature.toString(),
                "--trainset", trainset, "--spec", spec.toString()), 2, "pickle");
        assertThat(ok(as("aud", "--json", "models", "list", "overdraft-40d")).json().path("versions")).isEmpty();
        refused(as("eve", "models", "register", "overdraft-40d", "--run", run, "--spec", spec.toString()), 4, "only they register its model");
        Path fullSpec = home.resolve("full-spec.yaml");
        java.nio.file.Files.writeString(fullSpec, "spec_format: 1\nsignature:\n  output: p\n  features:\n    - {name: x, type: NUMERIC}\n"
                + "provenance:\n  run_id: r\n  seed: 7\nmetrics:\n  - {metric: auc, at_least: 0.6}\n");
        refused(as("dana", "models", "register", "overdraft-40d", "--artifact", pickle.toString(), "--format", "assay-bundle", "--spec",
                fullSpec.toString()), 2, "is Assay's own");
        CliRunner.Run registered = ok(as("dana", "--json", "models", "register", "overdraft-40d", "--run", run, "--spec", spec.toString()));
        assertThat(registered.json().path("artifact").path("format").asText()).isEqualTo("assay-bundle");
    }

    private static void refused(CliRunner.Run run, int exitCode, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err()).contains(message);
    }
}
