package io.assay.data.features;

import io.assay.core.error.AssayException;
import io.assay.data.SqlText;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The time split of a training set and the checks on it: the latest as-of is the out-of-time
 * test, the one before it validation, the rest train; every split needs rows of both classes,
 * and every as-of a population that is not empty.
 */
final class Splits {
    private Splits() {
    }

    /**
     * Refuses, before any feature is built, an as-of whose population is empty and a split whose
     * labelled population holds one class only.
     */
    static void requireLearnable(LabelDefinition label, String population, List<LocalDate> asOfs, Path staging) throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            Map<String, long[]> perSplit = new LinkedHashMap<>();
            String entity = ViewOutput.quote(label.entity());
            for (int i = 0; i < asOfs.size(); i++) {
                LocalDate asOf = asOfs.get(i);
                String pop = parquet(staging.resolve("population-" + asOf + ".parquet"));
                String lab = parquet(staging.resolve("label-" + asOf + ".parquet"));
                if (count(statement, "SELECT count(*) FROM " + pop + " WHERE exclusion IS NULL") == 0) {
                    Map<String, Long> excluded = new TreeMap<>();
                    try (ResultSet result = statement.executeQuery("SELECT exclusion, count(*) FROM " + pop + " GROUP BY 1 ORDER BY 1")) {
                        while (result.next()) {
                            excluded.put(result.getString(1), result.getLong(2));
                        }
                    }
                    throw AssayException.invalid("the population of " + label.useCase() + " (rule " + population + ") as of " + asOf
                            + " is empty: " + excluded.values().stream().mapToLong(Long::longValue).sum()
                            + " customer(s), all excluded " + excluded);
                }
                long[] counts = perSplit.computeIfAbsent(splitOf(i, asOfs.size()), s -> new long[2]);
                try (ResultSet result = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE label) FROM " + pop + " p JOIN "
                        + lab + " l USING (" + entity + ") WHERE p.exclusion IS NULL")) {
                    result.next();
                    counts[0] += result.getLong(1);
                    counts[1] += result.getLong(2);
                }
            }
            perSplit.forEach((split, counts) -> requireBothClasses(label, split, counts[0], counts[1], asOfs));
        }
    }

    static String splitOf(int index, int asOfs) {
        return index == asOfs - 1 ? "test" : index == asOfs - 2 ? "validation" : "train";
    }

    static void requireBothClasses(LabelDefinition label, String split, long rows, long positives, List<LocalDate> asOfs) {
        if (rows == 0) {
            throw AssayException.invalid("the " + split + " split of " + label.useCase() + " has no labelled rows");
        }
        if (positives == 0 || positives == rows) {
            List<String> dates = new ArrayList<>();
            for (int i = 0; i < asOfs.size(); i++) {
                if (splitOf(i, asOfs.size()).equals(split)) {
                    dates.add(asOfs.get(i).toString());
                }
            }
            throw AssayException.invalid("the label of " + label.useCase() + " is single-class in the " + split + " split ("
                    + String.join(", ", dates) + "): all " + rows + " rows are " + (positives == 0 ? "negative" : "positive")
                    + "; a model cannot learn or be judged on one class");
        }
    }

    static Map<String, TrainingSet.Split> splits(LabelDefinition label, List<TrainingSet.AsOf> perAsOf) {
        Map<String, TrainingSet.Split> splits = new LinkedHashMap<>();
        for (String split : TrainingSet.SPLITS) {
            List<TrainingSet.AsOf> in = perAsOf.stream().filter(a -> a.split().equals(split)).toList();
            long rows = in.stream().mapToLong(TrainingSet.AsOf::rows).sum();
            long positives = in.stream().mapToLong(TrainingSet.AsOf::positives).sum();
            requireBothClasses(label, split, rows, positives, perAsOf.stream().map(TrainingSet.AsOf::asOf).toList());
            splits.put(split, new TrainingSet.Split(rows, positives, in.stream().map(TrainingSet.AsOf::asOf).toList()));
        }
        return splits;
    }

    static String parquet(Path file) {
        return "read_parquet(" + SqlText.literal(file.toString()) + ")";
    }

    static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    static long count(String sql) throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            return count(statement, sql);
        }
    }
}
