package io.assay.serving;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionLogTest {
    @TempDir
    Path folder;

    private static Decision decision(String id) {
        return new Decision(Decision.DECISION, id, Instant.parse("2026-12-04T10:00:00Z"), "PRODUCTION", "churn", 2, "champion", 5, "tok-1",
                "crm", Map.of("tenure_months", 14.0), List.of(), 0.25,
                List.of(new ScoreAnswer.Reason("GEN", "tenure_months", "down", "tenure_months lowered the score")), null);
    }

    @Test
    void a_file_rolls_past_its_size_and_every_decision_is_found_again_whole() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
        try (DecisionLog log = new DecisionLog(folder, clock, Duration.ofMillis(5), 1_000)) {
            for (int i = 0; i < 30; i++) {
                log.append(decision("dec-" + i));
            }
        }
        List<Path> files = DecisionLog.files(folder);
        assertThat(files.size()).isGreaterThan(3);
        assertThat(files.get(0).getFileName().toString()).isEqualTo("decisions-2026-12-04-001.jsonl");
        assertThat(files).allSatisfy(file -> assertThat(Files.size(file)).isLessThan(1_000 + 400));
        assertThat(DecisionLog.find(folder, "dec-17")).containsExactly(decision("dec-17"));
        assertThat(DecisionLog.find(folder, "dec-1")).containsExactly(decision("dec-1"));
    }

    @Test
    void a_reopened_log_appends_after_what_an_earlier_process_wrote() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
        try (DecisionLog log = new DecisionLog(folder, clock)) {
            log.append(decision("dec-a"));
        }
        try (DecisionLog log = new DecisionLog(folder, clock)) {
            log.append(decision("dec-b"));
        }
        assertThat(DecisionLog.files(folder)).hasSize(1);
        assertThat(DecisionLog.find(folder, "dec-a")).hasSize(1);
        assertThat(DecisionLog.find(folder, "dec-b")).hasSize(1);
    }
}
