package io.assay.data.ingest;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/** A batch with more bad rows than its contract allows: rejected whole, nothing published. */
public final class BatchRejectedException extends AssayException {
    private static final long serialVersionUID = 1L;

    private final transient Report report;

    /** What was wrong, with a few example rows per rule; never a customer's value. */
    public record Report(String file, String table, String businessDate, long sourceRows, long badRows,
                         double maxRejectedShare, int toleratedBadRows, Map<String, Long> byRule, List<Violation> examples, Path savedAt) {
        public Report {
            byRule = Map.copyOf(requireNonNull(byRule, "byRule is null"));
            examples = List.copyOf(requireNonNull(examples, "examples is null"));
        }
    }

    public BatchRejectedException(Report report) {
        super(ErrorCode.BATCH_REJECTED, message(report));
        this.report = report;
    }

    public Report report() {
        return report;
    }

    private static String message(Report report) {
        String rules = report.byRule().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String examples = report.examples().stream().limit(5)
                .map(v -> "row " + v.row() + " " + v.rule() + " in " + v.column() + ": " + v.detail())
                .collect(Collectors.joining("; "));
        return String.format("batch %s for table %s on %s rejected: %d of %d rows (%.1f%%) broke the contract, more than "
                        + "the %.1f%% (and %d rows) allowed; nothing was published. Rules: %s. First rows: %s. Report: data/rejected/%s in the "
                        + "Assay home",
                report.file(), report.table(), report.businessDate(), report.badRows(), report.sourceRows(),
                100.0 * report.badRows() / Math.max(1, report.sourceRows()), 100 * report.maxRejectedShare(), report.toleratedBadRows(), rules,
                examples, report.savedAt().getFileName());
    }
}
