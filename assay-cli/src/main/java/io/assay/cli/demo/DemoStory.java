package io.assay.cli.demo;

import io.assay.api.DataApi;
import io.assay.api.DataViews;
import io.assay.api.DataViews.GrantView;
import io.assay.api.DataViews.IngestView;
import io.assay.api.DataViews.QueryView;
import io.assay.api.DayExtract;
import io.assay.api.Requests;
import io.assay.core.access.Role;
import java.util.Set;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.banksim.SimulationSummary;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.core.error.AssayException;

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
    private static final String STEWARD = DemoServer.STEWARD;

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

    /** The home's admin adds the people of the story over REST, with their roles, and issues their tokens. */
    void people(Session session, DemoServer server, String admin) {
        output.note("2. 'assay server' runs on the demo home (" + server.url() + "); " + admin + ", its admin, adds the people over REST");
        output.note("   with their roles and a token each: " + STEWARD + " (data steward: the data team's nightly pipeline), "
                + SCIENTIST + " (data scientist, also on the data review board), " + GovernanceChapter.LEGAL + ", "
                + GovernanceChapter.DATA + ", " + GovernanceChapter.COMPLIANCE + " (reviewers), " + GovernanceChapter.MLOPS
                + " (MLOps), " + GovernanceChapter.AUDITOR + " (auditor).");
        Map<String, List<Role>> people = new java.util.LinkedHashMap<>();
        people.put(STEWARD, List.of(Role.DATA_STEWARD));
        people.put(SCIENTIST, List.of(Role.DATA_SCIENTIST, Role.DATA_REVIEWER));
        people.put(GovernanceChapter.LEGAL, List.of(Role.LEGAL_REVIEWER));
        people.put(GovernanceChapter.DATA, List.of(Role.DATA_REVIEWER));
        people.put(GovernanceChapter.COMPLIANCE, List.of(Role.COMPLIANCE_REVIEWER));
        people.put(GovernanceChapter.MLOPS, List.of(Role.MLOPS));
        people.put(GovernanceChapter.AUDITOR, List.of(Role.AUDITOR));
        server.addPeople(session, admin, people);
        summary.put("people", people.size() + 1);
    }

    void ingest(DataApi data, Path extract) {
        output.note("   " + STEWARD + " sends each day's batches with its token: each is checked against the data contracts,");
        output.note("   pseudonymised (keyed HMAC), bad rows are quarantined with their reason, and each table is published as");
        output.note("   an immutable Parquet snapshot.");
        List<Path> dayFolders = dayFolders(extract);
        Set<String> tables = data.contracts().stream().map(DataViews.ContractView::table).collect(Collectors.toSet());
        var progress = output.progress("   ingesting", dayFolders.size());
        int done = 0;
        for (Path folder : dayFolders) {
            LocalDate day = LocalDate.parse(folder.getFileName().toString());
            for (DayExtract.Outcome outcome : DayExtract.of(folder, day, tables).ingestInto(data)) {
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
        explainQuarantine(data);
        showIdempotence(data, dayFolders.get(dayFolders.size() - 1), tables);
    }

    void governance(Session session, DemoServer server, java.time.Clock clock) {
        new GovernanceChapter(output, clock, summary).tell(session, server);
        List<String> promoted = new java.util.ArrayList<>();
        summary.path("governance").path("in_production").forEach(v -> promoted.add(v.asText()));
        new RestChapter(output, summary).tell(server, promoted);
        new ScoringChapter(output, summary).tell(session, server, promoted);
    }

    void access(DemoServer server) {
        output.note("");
        output.note("3. Data scientists read the data environment only under a live, logged grant, over REST with their token.");
        DataApi scientist = server.dataAs(SCIENTIST);
        // Each table holds every business day ingested: balances are per day and customers a first load plus changes,
        // so the query takes the last day's balances and each customer's latest row, counting nobody twice.
        String sql = "WITH today AS (SELECT * FROM accounts WHERE business_date = (SELECT max(business_date) FROM accounts)), "
                + "people AS (SELECT customer_id, arg_max(segment, business_date) AS segment FROM customers GROUP BY customer_id) "
                + "SELECT p.segment, count(DISTINCT t.customer_id) AS customers, "
                + "round(avg(CASE WHEN t.balance < 0 THEN 1 ELSE 0 END) * 100, 2) AS pct_current_accounts_overdrawn "
                + "FROM today t JOIN people p USING (customer_id) WHERE t.product_code = 'CURRENT' GROUP BY ALL ORDER BY 1";
        ObjectNode node = summary.putObject("access");
        try {
            scientist.query(new Requests.Query(sql, Optional.of(10)));
            node.put("refused_without_grant", false);
        } catch (AssayException refused) {
            node.put("refused_without_grant", true);
            output.note("   " + SCIENTIST + " without a grant: refused — " + refused.getMessage());
        }
        try {
            scientist.grant(new Requests.GrantAccess(SCIENTIST, "my own model", List.of("accounts"), today.plusDays(30)));
            node.put("scientist_granted_herself", true);
        } catch (AssayException refused) {
            node.put("scientist_granted_herself", false);
            output.note("   " + SCIENTIST + " tries to grant herself access: refused — " + refused.getMessage());
        }
        GrantView grant = server.dataAs(STEWARD).grant(new Requests.GrantAccess(SCIENTIST,
                "model development: overdraft-40d, churn, mortgage-propensity",
                List.of("accounts", "customers", "transactions", "products", "digital_events"), today.plusDays(30)));
        output.note("   " + STEWARD + " grants " + grant.id() + ": " + SCIENTIST + " may read " + grant.tables()
                + " until the end of " + grant.expiresOn());
        QueryView result = scientist.query(new Requests.Query(sql, Optional.of(10)));
        node.put("allowed_with_grant", true).put("grant", grant.id());
        output.note("   " + SCIENTIST + " with the grant — share of current accounts overdrawn, by segment "
                + "(customer ids are tokens, never raw):");
        output.note("     " + String.join(" | ", result.columns()));
        result.rows().forEach(row -> output.note("     " + row.stream().map(String::valueOf).reduce((a, b) -> a + " | " + b).orElse("")));
        long reads = server.dataAs(GovernanceChapter.AUDITOR).reads(Optional.empty()).size();
        node.put("reads_logged", reads);
        output.note("   the read log holds " + reads + " entries (the refusal included), as the auditor reads it: assay data reads");
    }

    void features(DemoServer server, LocalDate lastDay) {
        new FeaturesChapter(output, summary).tell(server.featuresAs(SCIENTIST), lastDay);
    }

    ObjectNode summary() {
        var notBuilt = summary.putArray("not_built_yet");
        List.of("the speed gate (the latency budget is recorded in the spec)", "a use case's own reason catalogue, automatic canary rollback, batch scoring and the scoring-only server", "production monitoring and retraining").forEach(notBuilt::add);
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
        summary.path("features").path("training_sets").forEach(set -> out.printf("  training set         %-20s %,7d rows, label rate %5.2f %% (test %5.2f %%)%n",
                set.path("use_case").asText(), set.path("rows").asLong(), set.path("label_rate").asDouble() * 100,
                set.path("test_label_rate").asDouble() * 100));
        out.println();
        summary.path("governance").path("models").forEach(m -> out.printf("  %-20s xgboost AUC %.3f KS %.3f | logistic AUC %.3f KS %.3f%n",
                m.path("use_case").asText(), m.path("xgboost_test_auc").asDouble(), m.path("xgboost_test_ks").asDouble(),
                m.path("logistic_test_auc").asDouble(), m.path("logistic_test_ks").asDouble()));
        out.printf("  in production        %s; sent back %s; reproduced %s%n", summary.path("governance").path("in_production"),
                summary.path("governance").path("sent_back"), summary.path("governance").path("reproduced"));
        out.printf("  use cases            %d (%d refused attempt(s) audited)%n",
                summary.path("governance").path("use_cases").asInt(), summary.path("governance").path("refused_attempts").asInt());
        out.printf("  audit chain          %d events, %s%n", summary.path("governance").path("audit").path("events").asLong(),
                summary.path("governance").path("audit").path("intact").asBoolean() ? "intact" : "BROKEN");
        out.println();
        out.printf("  REST API             %d routes; production routing of the first model promoted: %s%n", summary.path("rest").path("routes").asInt(),
                summary.path("rest").path("production_routing").asText());
        out.println();
        out.println("Not built yet: automatic canary rollback, batch scoring, the speed gate, monitoring.");
        out.println("  " + "./assay --home " + demoHome + " --as " + SCIENTIST + " trainset list");
        String home = "./assay --home " + demoHome;
        out.println("Look around (each as the person who may):");
        out.println("  " + home + " --as " + GovernanceChapter.AUDITOR + " data snapshots");
        out.println("  " + home + " --as " + GovernanceChapter.AUDITOR + " data reads");
        out.println("  " + home + " --as " + SCIENTIST + " runs list");
        out.println("  " + home + " --as " + GovernanceChapter.MLOPS + " models list overdraft-40d");
        out.println("  " + home + " --as " + GovernanceChapter.MLOPS + " models show overdraft-40d 1");
        out.println("  " + home + " --as " + GovernanceChapter.AUDITOR + " models history overdraft-40d 1");
        out.println("  " + home + " --as " + GovernanceChapter.AUDITOR + " audit verify");
        if (summary.path("scoring").has("last_decision")) {
            out.println("  " + home + " --as " + GovernanceChapter.MLOPS + " decisions show " + summary.path("scoring").path("last_decision").asText());
        }
        out.println("Serve it:    ./assay --home " + demoHome + " server   (the admin token is in " + demoHome.resolve("admin-token") + ")");
    }

    private void count(IngestView result) {
        snapshots++;
        rowsPublished += result.snapshot().rows();
        result.snapshot().quarantined().forEach((rule, count) -> quarantinedByRule.merge(rule, count, Long::sum));
    }

    private void explainQuarantine(DataApi data) {
        var withQuarantine = data.snapshots(Optional.empty()).stream()
                .filter(snapshot -> snapshot.quarantinedRows() > 0).findFirst();
        withQuarantine.ifPresent(snapshot -> {
            output.note("   e.g. " + snapshot.id() + " (assay data quarantine " + snapshot.id() + "):");
            for (DataViews.QuarantinedRow entry : data.quarantine(snapshot.id(), 3).rows()) {
                output.note(String.format("     line %d %s in %s: %s", entry.sourceRow(), entry.rule(), entry.column(),
                        entry.detail()));
            }
        });
    }

    private void showIdempotence(DataApi data, Path lastDay, Set<String> tables) {
        LocalDate day = LocalDate.parse(lastDay.getFileName().toString());
        long unchanged = DayExtract.of(lastDay, day, tables).ingestInto(data).stream()
                .filter(outcome -> outcome.result().map(r -> r.outcome().equals("ALREADY_INGESTED")).orElse(false))
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
