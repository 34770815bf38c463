package io.assay.data.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a rejection report as JSON for the data team; holds no customer value (violations withhold them). */
final class RejectionReports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RejectionReports() {}

    static byte[] toJson(BatchRejectedException.Report report) {
        ObjectNode root = JSON.createObjectNode()
                .put("report_format", 1)
                .put("file", report.file())
                .put("table", report.table())
                .put("business_date", report.businessDate())
                .put("source_rows", report.sourceRows())
                .put("bad_rows", report.badRows())
                .put("max_rejected_share", report.maxRejectedShare())
                .put("tolerated_bad_rows", report.toleratedBadRows());
        ObjectNode byRule = root.putObject("by_rule");
        report.byRule().forEach(byRule::put);
        var examples = root.putArray("examples");
        for (Violation violation : report.examples()) {
            examples.addObject()
                    .put("row", violation.row())
                    .put("rule", violation.rule().name())
                    .put("column", violation.column())
                    .put("detail", violation.detail());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a rejection report could not be written as JSON", e);
        }
    }
}
