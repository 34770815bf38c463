package io.assay.data.contract;

/** The types a contract column may declare, and what each becomes in a Parquet snapshot. */
public enum ColumnType {
    STRING("VARCHAR"),
    CODE("VARCHAR"),
    INTEGER("BIGINT"),
    DECIMAL("DECIMAL(18,%d)"),
    DATE("DATE"),
    TIMESTAMP("TIMESTAMP");

    private final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    public String sqlType(int scale) {
        return String.format(sqlType, scale);
    }
}
