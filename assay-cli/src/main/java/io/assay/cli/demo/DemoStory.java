package io.assay.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.banksim.SimulationSummary;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.core.data.AccessGrant;
import io.assay.core.error.AssayException;
import io.assay.data.QuarantineReader;
import io.assay.data.ingest.DayIngester;
import io.assay.data.ingest.IngestResult;
import io.assay.data.query.QueryResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The chapters of the demo, each printing as it goes and adding to the JSON summary. */
final class DemoStory {
    private static final String SCIENTIST = GovernanceChapter.SCIENTIST;
    private static final String STEWARD = "sam.steward";
    private static final String INGEST_ROBOT = "assay.ingest";

    private final Output output;
    private final LocalDate today;
    private final ObjectNode summary;
    private final Map<String, Long> quarantinedByRule = new TreeMap<>();
    private long rowsPublished;
    private long snapshots;
    private long daysIngested;
    private long rejectedBatches;

    DemoStory(Output output, LocalDate today) {
        this.output = output;
        this.today = today;
        this.summary = output.object();
    }

    void bank(SimulationSummary bank) {
        ObjectNode node = summary.putObject("bank");
        node.put("customers", bank.customersAtStart()).put("customers_joined", bank.customersJoined())
                .put("customers_churned", bank.customersChurned()).put("mortgages_taken", bank.mortgagesTaken())
                .put("customers_below_zero", bank.customersBelowZero());
        node.put("days", bank.daysWritten()).put("first_day", bank.firstDate().toString())
                .put("last_day", bank.lastDate().toString());
        node.set("rows_per_table", Output.JSON.valueToTree(bank.rowsPerTable()));
        node.set("bad_rows_injected", Output.JSON.valueToTree(bank.badRowsByKind()));
        output.note(String.format("   %s to %s: %s", bank.firstDate(), bank.lastDate(), bank.rowsPerTable()));
        output.note(String.format("   what the bank's customers did (known to the simulator, found later by models): %d left, "
                + "%d took a mortgage, %d went below zero", bank.customersChurned(), bank.mortgagesTaken(), bank.customersBelowZero()));
        output.note("   broken on purpose, as real extracts break: " + bank.badRowsByKind());
        output.note("");
    }

    void ingest(Session session, Path extract, SimulationSummary bank) {
        output.note("2. Each day is checked against the data contracts, pseudonymised (keyed HMAC), bad rows are");
        output.note("   quarantined with their reason, and each table is published as an immutable Parquet snapshot.");
        List<Path> dayFolders = dayFolders(extract);
        var progress = output.progress("   ingesting", dayFolders.size());
        DayIngester days = session.data().days();
        int done = 0;
        for (Path folder : dayFolders) {
            LocalDate day = LocalDate.parse(folder.getFileName().toString());
            for (DayIngester.TableOutcome outcome : days.ingestDay(folder, day, INGEST_ROBOT)) {
                outcome.result().ifPresent(this::count);
                outcome.error().ifPresent(error -> {
                    rejectedBatches++;
                    output.note("   " + day + " " + outcome.table() + " REJECTED: " + error.getMessage());
                });
            }
            daysIngested++;
            progress.update(++done, day.toString());
        }
        ObjectNode node = summary.putObject("ingest");
        node.put("days_ingested", daysIngested).put("snapshots", snapshots).put("rows_published", rowsPublished)
                .put("rows_quarantined", quarantinedByRule.values().stream().mapToLong(Long::longValue).sum())
                .put("batches_rejected", rejectedBatches);
        node.set("quarantined_by_reason", Output.JSON.valueToTree(quarantinedByRule));
        output.note(String.format("   %d days, %d snapshots, %,d rows published, %,d quarantined %s", daysIngested,
                snapshots, rowsPublished, quarantinedByRule.values().stream().mapToLong(Long::longValue).sum(), quarantinedByRule));
        explainQuarantine(session);
        showIdempotence(session, dayFolders.get(dayFolders.size() - 1));
    }

    void governance(Session session, Path workFolder, java.time.Clock clock) {
        new GovernanceChapter(output, clock, summary).tell(session, workFolder);
        new RestChapter(output, clock, summary).tell(session);
    }

    void access(Session session) {
        output.note("");
        output.note("3. Data scientists read the data environment only under a live, logged grant.");
        String sql = "SELECT c.segment, count(DISTINCT a.customer_id) AS customers, "
                + "round(avg(CASE WHEN a.balance < 0 THEN 1 ELSE 0 END) * 100, 2) AS pct_accounts_overdrawn "
                + "FROM accounts a JOIN customers c USING (customer_id) WHERE a.product_code = 'CURRENT' "
                + "GROUP BY ALL ORDER BY 1";
        ObjectNode node = summary.putObject("access");
        try {
            session.data().queries().query(SCIENTIST, sql, 10);
            node.put("refused_without_grant", false);
        } catch (AssayException refused) {
            node.put("refused_without_grant", true);
            output.note("   " + SCIENTIST + " without a grant: refused — " + refused.getMessage());
        }
        AccessGrant grant = session.data().access().grant(SCIENTIST, "overdraft-40d model development",
                List.of("accounts", "customers", "transactions"), today.plusDays(30), STEWARD);
        output.note("   " + STEWARD + " grants " + grant.id() + ": " + SCIENTIST + " may read " + grant.tables()
                + " until " + grant.expiresOn());
        QueryResult result = session.data().queries().query(SCIENTIST, sql, 10);
        node.put("allowed_with_grant", true).put("grant", grant.id());
        output.note("   " + SCIENTIST + " with the grant — share of current accounts overdrawn, by segment "
                + "(customer ids are tokens, never raw):");
        output.note("     " + String.join(" | ", result.columns()));
        result.rows().forEach(row -> output.note("     " + row.stream().map(String::valueOf).reduce((a, b) -> a + " | " + b).orElse("")));
        long reads = session.data().access().reads(Optional.empty()).size();
        node.put("reads_logged", reads);
        output.note("   the read log holds " + reads + " entries (the refusal included): assay data reads");
    }

    ObjectNode summary() {
        var notBuilt = summary.putArray("not_built_yet");
        List.of("training, metric definitions and the automated gates (metrics, fairness, stability, robustness, latency)",
                "the scoring service and rollout", "production monitoring and retraining").forEach(notBuilt::add);
        return summary;
    }

    void printSummary(PrintWriter out, Path demoHome) {
        out.println();
        out.println("Summary");
        out.printf("  days ingested        %d%n", daysIngested);
        out.printf("  snapshots            %d%n", snapshots);
        out.printf("  rows published       %,d%n", rowsPublished);
        out.printf("  rows quarantined     %,d%n", quarantinedByRule.values().stream().mapToLong(Long::longValue).sum());
        quarantinedByRule.forEach((rule, count) -> out.printf("    %-22s %,d%n", rule, count));
        out.printf("  batches rejected     %d%n", rejectedBatches);
        out.println();
        out.printf("  use cases            %d (churn v1 in production, %d refused attempt(s) audited)%n",
                summary.path("governance").path("use_cases").asInt(), summary.path("governance").path("refused_attempts").asInt());
        out.printf("  audit chain          %d events, %s%n", summary.path("governance").path("audit").path("events").asLong(),
                summary.path("governance").path("audit").path("intact").asBoolean() ? "intact" : "BROKEN");
        out.println();
        out.printf("  REST API             %d routes; production routing of churn: %s%n", summary.path("rest").path("routes").asInt(),
                summary.path("rest").path("production_routing").asText());
        out.println();
        out.println("Not built yet: training & gates, scoring & rollout, monitoring.");
        out.println("Look around: assay --home " + demoHome + " data snapshots | data reads | models list | models show churn 1"
                + " | models history churn 1 | models routing churn | audit verify");
        out.println("Serve it:    assay --home " + demoHome + " server   (the admin token is in " + demoHome.resolve("admin-token") + ")");
    }

    private void count(IngestResult result) {
        snapshots++;
        rowsPublished += result.snapshot().rowCount();
        result.snapshot().quarantined().forEach((rule, count) -> quarantinedByRule.merge(rule, count, Long::sum));
    }

    private void explainQuarantine(Session session) {
        var withQuarantine = session.data().snapshots(Optional.empty()).stream()
                .filter(snapshot -> snapshot.quarantinedRows() > 0).findFirst();
        withQuarantine.ifPresent(snapshot -> {
            output.note("   e.g. " + snapshot.id() + " (assay data quarantine " + snapshot.id() + "):");
            for (QuarantineReader.Entry entry : session.data().quarantine().read(snapshot, 3)) {
                output.note(String.format("     line %d %s in %s: %s", entry.sourceRow(), entry.rule(), entry.column(),
                        entry.detail()));
            }
        });
    }

    private void showIdempotence(Session session, Path lastDay) {
        LocalDate day = LocalDate.parse(lastDay.getFileName().toString());
        long unchanged = session.data().days().ingestDay(lastDay, day, INGEST_ROBOT).stream()
                .filter(outcome -> outcome.result().map(r -> r.outcome() == IngestResult.Outcome.ALREADY_INGESTED).orElse(false))
                .count();
        summary.put("reingest_of_last_day_unchanged_tables", unchanged);
        output.note("   ingesting " + day + " again: " + unchanged + " table(s) already ingested, nothing changed");
    }

    private static List<Path> dayFolders(Path extract) {
        try (Stream<Path> entries = Files.list(extract)) {
            return entries.filter(Files::isDirectory)
                    .filter(folder -> folder.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
