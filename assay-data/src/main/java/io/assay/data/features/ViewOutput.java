package io.assay.data.features;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.SqlText;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a definition's SQL into a temporary table of its session and holds the result to the
 * declaration before anything is published: the entity column and exactly the declared columns,
 * each of its declared type, one row per entity, no null where none may be, no infinity or NaN.
 * A constant or entirely null column is a warning in the report, not a silent column.
 */
final class ViewOutput {
    /** The checked result: its rows, each column's profile, and the warnings. */
    record Checked(String table, long rows, List<ColumnProfile> profiles, List<String> warnings) {
    }

    private ViewOutput() {
    }

    static Checked run(Connection duckdb, String source, String boundSql, String entity, List<FeatureColumn> declared,
                       String table) {
        try (Statement statement = duckdb.createStatement()) {
            try {
                statement.execute("CREATE TEMP TABLE \"" + table + "\" AS " + boundSql);
            } catch (SQLException e) {
                throw invalid(source + "'s SQL failed: " + SqlText.firstLine(e.getMessage()));
            }
            Map<String, String> types = describe(statement, table);
            checkColumns(source, types, entity, declared);
            return profile(statement, source, table, entity, declared);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed checking " + source + ": " + e.getMessage(), e);
        }
    }

    /** Writes the checked table as Parquet, entity first and sorted by it, each column cast to its published type. */
    static void write(Connection duckdb, String table, List<String> leading, String entity, List<FeatureColumn> declared,
                      List<String> trailing, String orderBy, Path file) {
        List<String> select = new ArrayList<>(leading);
        select.add(quote(entity));
        for (FeatureColumn column : declared) {
            select.add("CAST(" + quote(column.name()) + " AS " + column.type().publishedAs() + ") AS " + quote(column.name()));
        }
        select.addAll(trailing);
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT " + String.join(", ", select) + " FROM \"" + table + "\" ORDER BY " + orderBy
                    + ") TO " + SqlText.literal(file.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
        } catch (SQLException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot write " + file.getFileName() + ": " + e.getMessage());
        }
    }

    /** Frees a checked table once it is written: a session may hold several definitions. */
    static void drop(Connection duckdb, String table) {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("DROP TABLE \"" + table + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB could not drop " + table + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> describe(Statement statement, String table) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (ResultSet result = statement.executeQuery("DESCRIBE \"" + table + "\"")) {
            while (result.next()) {
                types.put(result.getString("column_name"), result.getString("column_type"));
            }
        }
        return types;
    }

    private static void checkColumns(String source, Map<String, String> types, String entity, List<FeatureColumn> declared) {
        if (!types.containsKey(entity)) {
            throw invalid(source + " returns no entity column '" + entity + "' (it returns " + String.join(", ", types.keySet()) + ")");
        }
        if (!"VARCHAR".equals(types.get(entity)) && !FeatureType.INTEGER.accepts(types.get(entity))) {
            throw invalid(source + " returns entity column '" + entity + "' as " + types.get(entity) + "; a key is VARCHAR or an integer");
        }
        Set<String> expected = new TreeSet<>();
        declared.forEach(column -> expected.add(column.name()));
        Set<String> undeclared = new TreeSet<>(types.keySet());
        undeclared.remove(entity);
        undeclared.removeAll(expected);
        if (!undeclared.isEmpty()) {
            throw invalid(source + " returns column(s) not declared: " + String.join(", ", undeclared)
                    + "; declare them in the view's columns or leave them out of the SELECT");
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(types.keySet());
        if (!missing.isEmpty()) {
            throw invalid(source + " does not return declared column(s): " + String.join(", ", missing));
        }
        for (FeatureColumn column : declared) {
            String actual = types.get(column.name()).replaceFirst("\\(.*", "");
            if (!column.type().accepts(actual)) {
                throw invalid(source + " returns column '" + column.name() + "' as " + types.get(column.name())
                        + " but declares it " + column.type() + (column.type() == FeatureType.DOUBLE
                        ? " (cast it: CAST(... AS DOUBLE))" : ""));
            }
        }
    }

    private static Checked profile(Statement statement, String source, String table, String entity, List<FeatureColumn> declared)
            throws SQLException {
        List<String> aggregates = new ArrayList<>();
        aggregates.add("count(*)");
        aggregates.add("count(DISTINCT " + quote(entity) + ")");
        aggregates.add("count(" + quote(entity) + ")");
        for (FeatureColumn column : declared) {
            String name = quote(column.name());
            aggregates.add("count(" + name + ")");
            // approximate (HyperLogLog): exact counts of distinct doubles cost more than the build they describe
            aggregates.add("approx_count_distinct(" + name + ")");
            aggregates.add("CAST(min(" + name + ") IS NOT DISTINCT FROM max(" + name + ") AS INTEGER)");
            if (column.type().isNumeric()) {
                aggregates.add("CAST(min(" + name + ") AS DOUBLE)");
                aggregates.add("CAST(max(" + name + ") AS DOUBLE)");
                aggregates.add(column.type() == FeatureType.DOUBLE ? "count(*) FILTER (WHERE NOT isfinite(" + name + "))" : "0");
            }
        }
        try (ResultSet result = statement.executeQuery("SELECT " + String.join(", ", aggregates) + " FROM \"" + table + "\"")) {
            result.next();
            long rows = result.getLong(1);
            long entities = result.getLong(2);
            long entitiesNotNull = result.getLong(3);
            if (rows == 0) {
                throw invalid(source + " yields no rows");
            }
            if (entitiesNotNull != rows) {
                throw invalid(source + " yields " + (rows - entitiesNotNull) + " row(s) without an entity (" + entity + " is null)");
            }
            if (entities != rows) {
                throw invalid(source + " yields duplicate entity rows: " + rows + " rows for " + entities + " distinct " + entity
                        + "; a view returns one row per entity");
            }
            List<ColumnProfile> profiles = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            int index = 4;
            for (FeatureColumn column : declared) {
                long present = result.getLong(index++);
                long distinct = result.getLong(index++);
                boolean constant = result.getInt(index++) == 1;
                Double min = null;
                Double max = null;
                if (column.type().isNumeric()) {
                    min = (Double) result.getObject(index++);
                    max = (Double) result.getObject(index++);
                    long notFinite = result.getLong(index++);
                    if (notFinite > 0) {
                        throw invalid(source + " returns " + notFinite + " value(s) of '" + column.name()
                                + "' that are not finite (infinity or NaN); guard the division or the logarithm");
                    }
                }
                long nulls = rows - present;
                if (nulls > 0 && !column.nullable()) {
                    throw invalid(source + " returns " + nulls + " null(s) in '" + column.name()
                            + "', which is declared nullable: false");
                }
                if (present == 0) {
                    warnings.add(column.name() + " is null in every row");
                } else if (constant) {
                    warnings.add(column.name() + " has the same value in every row");
                }
                profiles.add(new ColumnProfile(column.name(), column.type(), column.role(), column.nullable(), column.description(),
                        nulls, distinct, min, max));
            }
            return new Checked(table, rows, profiles, warnings);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static AssayException invalid(String message) {
        return new AssayException(ErrorCode.INVALID_DEFINITION, message);
    }
}
