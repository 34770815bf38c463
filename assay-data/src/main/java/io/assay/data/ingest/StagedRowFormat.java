package io.assay.data.ingest;

import io.assay.data.contract.ContractColumn;
import io.assay.data.contract.DataContract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a checked row is staged: one CSV line of the source line number and the stored columns'
 * texts, in contract order, quoted only where a text needs it. Stateless, so the threads that
 * check rows can each write their lines.
 */
final class StagedRowFormat {
    static final String ROW = "_source_row";

    /** Per contract column: whether the snapshot keeps it, and whether its text never needs CSV quoting. */
    private final boolean[] isStored;
    private final boolean[] isPlain;
    private final String header;

    StagedRowFormat(DataContract contract) {
        List<ContractColumn> columns = contract.columns();
        this.isStored = new boolean[columns.size()];
        this.isPlain = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            isStored[i] = columns.get(i).isStored();
            isPlain[i] = ColumnCheck.storesPlainText(columns.get(i));
        }
        this.header = ROW + "," + columns.stream().filter(ContractColumn::isStored).map(ContractColumn::name)
                .collect(Collectors.joining(",")) + "\n";
    }

    String header() {
        return header;
    }

    /** Appends the line of a checked row; {@code values} holds the stored text per contract column (dropped columns ignored). */
    void appendRow(StringBuilder out, long row, Object[] values) {
        out.append(row);
        for (int i = 0; i < isStored.length; i++) {
            if (isStored[i]) {
                out.append(',');
                String value = (String) values[i];
                if (isPlain[i] && value != null) {
                    out.append(value);
                } else {
                    appendField(out, value);
                }
            }
        }
        out.append('\n');
    }

    /** Appends one CSV field: nothing for null, quoted when empty or holding a comma, quote or line break. */
    static void appendField(StringBuilder out, String value) {
        if (value == null) {
            return;
        }
        boolean quote = value.isEmpty();
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}
