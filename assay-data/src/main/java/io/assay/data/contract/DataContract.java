package io.assay.data.contract;

import io.assay.core.common.Names;
import io.assay.core.data.SnapshotColumn;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A table's data contract: the columns a batch file must have, in order, the rules each value
 * must meet, the key that must be unique within a batch, and how many bad rows a batch may
 * have before it is rejected whole: more than {@code maxRejectedShare} of its rows, and more than
 * {@code toleratedBadRows} (so one bad row in a nine-row delta is quarantined, not a rejection).
 */
public record DataContract(
        String table,
        int version,
        String description,
        List<ContractColumn> columns,
        List<String> uniqueKey,
        double maxRejectedShare,
        int toleratedBadRows) {

    /** Every snapshot row carries the business date of the batch it came from. */
    public static final String BUSINESS_DATE_COLUMN = "business_date";
    /** Every snapshot row names the line of the source file it came from (lineage, and the key to its quarantine). */
    public static final String SOURCE_LINE_COLUMN = "source_line";

    public DataContract {
        Names.requireTableName(table);
        if (version < 1) {
            throw new IllegalArgumentException("contract version must be at least 1");
        }
        requireNonNull(description, "description is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        uniqueKey = List.copyOf(requireNonNull(uniqueKey, "uniqueKey is null"));
        if (maxRejectedShare < 0 || maxRejectedShare > 1) {
            throw new IllegalArgumentException("maxRejectedShare must be between 0 and 1");
        }
        if (toleratedBadRows < 0) {
            throw new IllegalArgumentException("toleratedBadRows must not be negative");
        }
    }

    /** Whether this many bad rows in a batch of {@code sourceRows} rejects the batch whole. */
    public boolean rejects(long badRows, long sourceRows) {
        return badRows > toleratedBadRows && badRows > maxRejectedShare * sourceRows;
    }

    public List<String> columnNames() {
        return columns.stream().map(ContractColumn::name).toList();
    }

    public Optional<ContractColumn> column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }

    /** The schema of the published snapshot: the business date, the source line, then every stored column. */
    public List<SnapshotColumn> snapshotSchema() {
        java.util.ArrayList<SnapshotColumn> schema = new java.util.ArrayList<>();
        schema.add(new SnapshotColumn(BUSINESS_DATE_COLUMN, "DATE", io.assay.core.data.PrivacyClass.PLAIN, false));
        schema.add(new SnapshotColumn(SOURCE_LINE_COLUMN, "BIGINT", io.assay.core.data.PrivacyClass.PLAIN, false));
        for (ContractColumn column : columns) {
            if (column.isStored()) {
                schema.add(new SnapshotColumn(column.name(), column.storedSqlType(), column.privacy(), column.nullable()));
            }
        }
        return List.copyOf(schema);
    }
}
