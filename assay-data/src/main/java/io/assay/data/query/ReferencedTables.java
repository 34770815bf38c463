package io.assay.data.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.core.error.AssayException;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables a query reads, taken from DuckDB's own parse tree (json_serialize_sql) rather than
 * guessed from the text: the read log and the grant check rest on it. Only single SELECT
 * statements serialise, which also keeps the data environment read-only; table functions
 * (read_parquet, read_csv …) are refused because they would read files past the grants.
 */
public final class ReferencedTables {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferencedTables() {}

    public static Set<String> of(Connection duckdb, String sql) throws SQLException {
        JsonNode tree;
        // json_serialize_sql takes a constant, not a parameter: the query goes in as an escaped literal.
        try (Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery("SELECT json_serialize_sql('" + sql.replace("'", "''") + "')")) {
            result.next();
            tree = JSON.readTree(result.getString(1));
        } catch (IOException e) {
            throw new IllegalStateException("DuckDB returned a parse tree that is not JSON", e);
        }
        if (tree.path("error").asBoolean(false)) {
            String reason = tree.path("error_message").asText("");
            // DuckDB says "Only SELECT statements can be serialized to json!" for DROP, INSERT, COPY…: say it in our words.
            throw AssayException.invalid(reason.startsWith("Only SELECT")
                    ? "only SELECT statements run here: the data environment is read-only, and this statement would change or export it"
                    : "the query does not parse as a SELECT statement: " + reason.lines().findFirst().orElse("(no detail)"));
        }
        if (tree.path("statements").size() != 1) {
            throw AssayException.invalid("run one SELECT statement at a time");
        }
        Set<String> tables = new TreeSet<>();
        Set<String> commonTableExpressions = new TreeSet<>();
        walk(tree, tables, commonTableExpressions);
        tables.removeAll(commonTableExpressions);
        return tables;
    }

    private static void walk(JsonNode node, Set<String> tables, Set<String> commonTableExpressions) {
        if (node.isObject()) {
            String type = node.path("type").asText("");
            if (type.equals("TABLE_FUNCTION")) {
                throw AssayException.invalid("the query calls a table function ("
                        + node.path("function").path("function_name").asText("?")
                        + "); read the data environment through its tables, e.g. SELECT * FROM transactions");
            }
            if (type.equals("BASE_TABLE")) {
                if (!node.path("schema_name").asText("").isEmpty() || !node.path("catalog_name").asText("").isEmpty()) {
                    throw AssayException.invalid("name tables without a schema or catalog, e.g. transactions");
                }
                tables.add(node.path("table_name").asText().toLowerCase(Locale.ROOT));
            }
            JsonNode map = node.path("cte_map").path("map");
            for (JsonNode entry : map) {
                commonTableExpressions.add(entry.path("key").asText().toLowerCase(Locale.ROOT));
            }
        }
        for (JsonNode child : node) {
            walk(child, tables, commonTableExpressions);
        }
    }
}
