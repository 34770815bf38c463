package io.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CLI process changing a version is killed with SIGKILL at different moments: afterwards the
 * version is in its old state or its new one, the audit log says exactly that (one event per
 * change that happened, none for one that did not), the chain is intact, and the next command works.
 */
class TransitionCrashIT {
    @TempDir
    Path work;

    @Test
    void a_killed_transition_leaves_the_old_or_the_new_state_each_with_its_audit_event() throws Exception {
        Path home = work.resolve("home");
        ok(home, "--as", "admin", "users", "add", "dana", "--roles", "DATA_SCIENTIST");
        ok(home, "--as", "admin", "users", "add", "mo", "--roles", "MLOPS");
        ok(home, "--as", "dana", "models", "define", "churn", "--description", "Leaves within a quarter", "--intended-use", "Retention",
                "--limitations", "Not for credit", "--risk-tier", "LOW", "--gates", "metrics");
        Path artifact = Files.writeString(work.resolve("model.json"), "{\"trees\":[]}");
        Path spec = Files.writeString(work.resolve("spec.yaml"), ModelCommandsTest.SPEC);
        ok(home, "--as", "dana", "models", "register", "churn", "--artifact", artifact.toString(), "--spec", spec.toString());
        ok(home, "--as", "dana", "models", "submit", "churn", "1");

        int killed = 0;
        List<Long> delays = List.of(300L, 700L, 1_100L, 1_500L, 1_900L, 2_300L, 2_700L, 3_100L);
        for (int i = 0; i < delays.size(); i++) {
            Process change = Launcher.builder(home, Map.of(), "--as", "mo", "models", "evidence", "churn", "1", "--gate", "metrics",
                    "--figure", i % 2 == 0 ? "auc=0.8" : "auc=0.5", "--engine", "gates 0.1").redirectErrorStream(true)
                    .redirectOutput(work.resolve("log-" + i).toFile()).start();
            if (!change.waitFor(delays.get(i), TimeUnit.MILLISECONDS)) {
                change.destroyForcibly().waitFor();
                killed++;
            }
            assertStateMatchesAudit(home);
        }

        assertThat(killed).as("transitions killed before they finished").isGreaterThanOrEqualTo(2);
        ok(home, "--as", "mo", "models", "evidence", "churn", "1", "--gate", "metrics", "--figure", "auc=0.8", "--engine", "gates 0.1");
        assertStateMatchesAudit(home);
    }

    private void assertStateMatchesAudit(Path home) throws Exception {
        JsonNode version = ok(home, "--as", "mo", "--json", "models", "show", "churn", "1").json();
        JsonNode history = ok(home, "--as", "mo", "--json", "models", "history", "churn", "1").json();
        List<JsonNode> changes = new ArrayList<>();
        history.forEach(event -> {
            if (!event.get("action").asText().endsWith(".refused")) {
                changes.add(event);
            }
        });
        assertThat(version.get("stage").asText()).as("stage vs the last audit event")
                .isEqualTo(changes.get(changes.size() - 1).get("after").asText());
        // Registration is revision 1 and every committed change adds one, in the same transaction as its event.
        assertThat(version.get("revision").asLong()).as("one revision per audited change").isEqualTo(changes.size());
        assertThat(ok(home, "--as", "mo", "--json", "audit", "verify").json().get("intact").asBoolean()).isTrue();
    }

    private static CliRunner.Run ok(Path home, String... args) throws Exception {
        Launcher.Result result = Launcher.run(home, Map.of(), 120, args);
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", args), result.err()).isZero();
        return new CliRunner.Run(result.exitCode(), result.out(), result.err());
    }
}
