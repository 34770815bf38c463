package io.assay.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's command blocks, taken from the README itself and run in order by bash, as a
 * newcomer would type them on a fresh machine (a fresh HOME, the repository as the working
 * folder). A line ending in {@code # refused: ...} shows a refusal and must be refused by Assay (exit 2 to 6, its
 * one-line message); every other line
 * must succeed. A block the README marks {@code <!-- not run: why -->} just before it is left
 * out, saying why (the quick start runs the whole suite; the benchmarks take minutes).
 */
class ReadmeBlocksIT {
    private static final Pattern BLOCK = Pattern.compile("(<!-- not run: ([^>]*) -->\\s*)?```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern REFUSED = Pattern.compile("^(.*?)\\s+# refused: .*$");

    @TempDir
    Path home;

    @Test
    void every_command_block_of_the_readme_runs_as_written() throws Exception {
        Path root = Launcher.repositoryRoot();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        // A server the README starts in the background is stopped however the script ends. A refusal must be one:
        // an exit code of Assay's refusals (2 to 6) and Assay's one-line message, not any failure (a typo, a missing file).
        StringBuilder script = new StringBuilder("""
                set -euo pipefail
                trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
                refused() {
                  local code=0
                  "$@" 2>"$HOME/refused.err" || code=$?
                  cat "$HOME/refused.err" >&2
                  if [ "$code" -lt 2 ] || [ "$code" -gt 6 ]; then echo "expected a refusal (exit 2 to 6), got exit $code" >&2; return 1; fi
                  grep -q '^assay: [A-Z_]*: ' "$HOME/refused.err" || { echo "expected Assay's refusal message" >&2; return 1; }
                }
                """);
        List<String> skipped = new ArrayList<>();
        int commands = 0;
        Matcher block = BLOCK.matcher(readme);
        while (block.find()) {
            if (block.group(2) != null) {
                skipped.add(block.group(2));
                continue;
            }
            for (String line : block.group(3).split("\n")) {
                String command = line.strip();
                if (command.isEmpty() || command.startsWith("#")) {
                    continue;
                }
                commands++;
                script.append("echo '+ ").append(command.replace("'", "'\\''")).append("' >&2\n");
                Matcher refused = REFUSED.matcher(command);
                script.append(refused.matches() ? "refused " + refused.group(1) : command).append('\n');
            }
        }
        assertThat(commands).as("commands taken from the README").isGreaterThan(40);
        Path file = Files.writeString(home.resolve("readme.sh"), script);
        Path log = home.resolve("readme.log");
        ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        bash.environment().put("HOME", home.toString());
        bash.environment().put("ASSAY_PSEUDONYM_KEY", CliRunner.KEY);
        for (String variable : List.of("ASSAY_HOME", "ASSAY_SERVER", "ASSAY_TOKEN", "ASSAY_USER", "ASSAY_DB_URL")) {
            bash.environment().remove(variable);
        }
        Process process = bash.start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("the README's commands finished; output:%n%s", tail(output)).isTrue();
        assertThat(process.exitValue()).as("the README's commands ran without an error they did not announce; the last lines:%n%s",
                tail(output)).isZero();
        assertThat(output).as("no Java stack trace reaches a user").doesNotContain("\tat ").doesNotContain("Exception in thread");
        System.out.println("README blocks left out: " + skipped);
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
