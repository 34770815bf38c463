package io.assay.data.features;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.SqlText;
import io.assay.data.contract.Contracts;
import io.assay.data.contract.DataContract;
import io.assay.data.query.ReferencedTables;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of a definition made ready to run: its parameters bound to dates, and the snapshot
 * tables it reads taken from DuckDB's parse tree. It may name only the as-of views a session
 * offers ({@code <table>}, and {@code <table>_history} for state tables): a file, a table
 * function or any other name is refused here, before a grant is even asked for.
 */
final class AsOfSql {
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-z_]+)\\b");
    static final String HISTORY_SUFFIX = "_history";

    private AsOfSql() {
    }

    /** Binds {@code :name} parameters to date literals; an unknown parameter is refused by name. */
    static String bind(String source, String sql, Map<String, LocalDate> parameters) {
        Matcher matcher = PARAMETER.matcher(sql);
        StringBuilder bound = new StringBuilder();
        while (matcher.find()) {
            LocalDate value = parameters.get(matcher.group(1));
            if (value == null) {
                throw new AssayException(ErrorCode.INVALID_DEFINITION, source + " uses parameter :" + matcher.group(1)
                        + "; it may use " + String.join(", ", parameters.keySet().stream().map(p -> ":" + p).toList()));
            }
            matcher.appendReplacement(bound, Matcher.quoteReplacement("DATE '" + value + "'"));
        }
        matcher.appendTail(bound);
        return bound.toString();
    }

    /**
     * What a definition reads: the contract tables behind its as-of views, and of those the state
     * tables it reads by their plain name (their latest version per key, which a session holding
     * several definitions computes once).
     */
    record Reads(Set<String> tables, Set<String> latest) {
        Reads {
            tables = Set.copyOf(tables);
            latest = Set.copyOf(latest);
        }

        Reads and(Reads other) {
            Set<String> allTables = new TreeSet<>(tables);
            allTables.addAll(other.tables);
            Set<String> allLatest = new TreeSet<>(latest);
            allLatest.addAll(other.latest);
            return new Reads(allTables, allLatest);
        }
    }

    static Reads reads(String source, String boundSql, Contracts contracts) {
        Set<String> referenced;
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            referenced = ReferencedTables.of(duckdb, boundSql);
        } catch (SQLException e) {
            throw new AssayException(ErrorCode.INVALID_DEFINITION, source + " cannot be read as SQL: " + SqlText.firstLine(e.getMessage()));
        } catch (AssayException e) {
            throw new AssayException(ErrorCode.INVALID_DEFINITION, source + ": " + e.getMessage());
        }
        Set<String> tables = new TreeSet<>();
        Set<String> latest = new TreeSet<>();
        for (String name : referenced) {
            String table = tableOf(name, contracts);
            if (table == null) {
                throw new AssayException(ErrorCode.INVALID_DEFINITION, source + " reads '" + name + "', which is not an as-of view;"
                        + " it may read " + offered(contracts) + " (a state table's every day as <table>_history)");
            }
            tables.add(table);
            if (name.equals(table) && !isEventTable(contracts.forTable(table))) {
                latest.add(table);
            }
        }
        if (tables.isEmpty()) {
            throw new AssayException(ErrorCode.INVALID_DEFINITION, source + " reads no table of the data environment");
        }
        return new Reads(tables, latest);
    }

    /** Whether a table's rows are events of their business day (it has a column on the business date). */
    static boolean isEventTable(DataContract contract) {
        return contract.columns().stream().anyMatch(column -> column.onBusinessDate());
    }

    private static String tableOf(String name, Contracts contracts) {
        if (contracts.tables().contains(name)) {
            return name;
        }
        if (name.endsWith(HISTORY_SUFFIX)) {
            String table = name.substring(0, name.length() - HISTORY_SUFFIX.length());
            if (contracts.tables().contains(table) && !isEventTable(contracts.forTable(table))) {
                return table;
            }
        }
        return null;
    }

    private static String offered(Contracts contracts) {
        Set<String> names = new TreeSet<>();
        for (DataContract contract : contracts.all().values()) {
            names.add(contract.table());
            if (!isEventTable(contract)) {
                names.add(contract.table() + HISTORY_SUFFIX);
            }
        }
        return String.join(", ", names);
    }
}
