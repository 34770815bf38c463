package io.assay.train.data;

import io.assay.core.error.AssayException;
import io.assay.data.SqlText;
import io.assay.data.features.TrainingSet;
import io.assay.scoring.bundle.BundleSignature;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A training set in memory, as a model takes it: per split, the feature rows as float32 (missing
 * as NaN, booleans as 0 and 1) in the set's feature order, the labels, and the attribute columns
 * (segments and protected attributes, never model inputs) beside them.
 */
public record TrainingData(TrainingSet set, List<String> features, List<BundleSignature.Type> types, Map<String, Split> splits) {
    public TrainingData {
        requireNonNull(set, "set is null");
        features = List.copyOf(features);
        types = List.copyOf(types);
        splits = Map.copyOf(splits);
    }

    public Split split(String name) {
        Split split = splits.get(name);
        if (split == null) {
            throw new IllegalArgumentException("no split " + name);
        }
        return split;
    }

    public int featureCount() {
        return features.size();
    }

    /**
     * The same rows without the {@code excluded} features, or a refusal naming one the set does
     * not hold (so a typo does not silently keep a feature in).
     */
    public TrainingData without(List<String> excluded) {
        for (String name : excluded) {
            if (!features.contains(name)) {
                throw AssayException.invalid("parameter exclude names " + name + ", which training set " + set.id() + " does not hold");
            }
        }
        if (excluded.isEmpty()) {
            return this;
        }
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            if (!excluded.contains(features.get(j))) {
                kept.add(j);
            }
        }
        if (kept.isEmpty()) {
            throw AssayException.invalid("parameter exclude leaves the model no feature");
        }
        Map<String, Split> narrowed = new LinkedHashMap<>();
        splits.forEach((name, split) -> {
            float[] rows = new float[split.rowCount() * kept.size()];
            for (int r = 0; r < split.rowCount(); r++) {
                for (int k = 0; k < kept.size(); k++) {
                    rows[r * kept.size() + k] = split.rows()[r * features.size() + kept.get(k)];
                }
            }
            narrowed.put(name, new Split(name, split.rowCount(), rows, split.labels(), split.attributes()));
        });
        return new TrainingData(set, kept.stream().map(features::get).toList(), kept.stream().map(types::get).toList(), narrowed);
    }

    /** One split's rows: {@code rows[r * featureCount + j]} is feature j of row r. */
    public record Split(String name, int rowCount, float[] rows, boolean[] labels, Map<String, String[]> attributes) {
        public int positives() {
            int positives = 0;
            for (boolean label : labels) {
                positives += label ? 1 : 0;
            }
            return positives;
        }

        public float[] row(int r, int featureCount) {
            float[] row = new float[featureCount];
            System.arraycopy(rows, r * featureCount, row, 0, featureCount);
            return row;
        }
    }

    /** Reads the published data file of {@code set}, ordered as it was written (as-of, then entity). */
    public static TrainingData read(TrainingSet set, Path dataFile) {
        List<String> features = set.features();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("SET threads = 1");
            String source = "read_parquet(" + SqlText.literal(dataFile.toString()) + ")";
            List<BundleSignature.Type> types = typesOf(statement, source, features);
            Map<String, Split> splits = new LinkedHashMap<>();
            for (String split : TrainingSet.SPLITS) {
                splits.put(split, readSplit(statement, source, set, split, types));
            }
            return new TrainingData(set, features, types, splits);
        } catch (SQLException e) {
            throw AssayException.invalid("training set " + set.id() + " cannot be read from " + dataFile.getFileName() + ": "
                    + SqlText.firstLine(e.getMessage()));
        }
    }

    private static List<BundleSignature.Type> typesOf(Statement statement, String source, List<String> features) throws SQLException {
        List<BundleSignature.Type> types = new ArrayList<>();
        try (ResultSet result = statement.executeQuery("SELECT " + columns(features) + " FROM " + source + " LIMIT 0")) {
            ResultSetMetaData meta = result.getMetaData();
            for (int j = 0; j < features.size(); j++) {
                int type = meta.getColumnType(j + 1);
                types.add(switch (type) {
                    case Types.BOOLEAN -> BundleSignature.Type.BOOLEAN;
                    case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> BundleSignature.Type.INTEGER;
                    case Types.FLOAT, Types.REAL, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC -> BundleSignature.Type.DOUBLE;
                    default -> throw AssayException.invalid("feature " + features.get(j) + " is of type " + meta.getColumnTypeName(j + 1)
                            + ", which a model cannot take; declare it as an attribute, or turn it into a number in its view");
                });
            }
        }
        return types;
    }

    private static Split readSplit(Statement statement, String source, TrainingSet set, String split, List<BundleSignature.Type> types)
            throws SQLException {
        int n = set.features().size();
        int expected = Math.toIntExact(set.splits().get(split).rows());
        float[] rows = new float[expected * n];
        boolean[] labels = new boolean[expected];
        Map<String, String[]> attributes = new LinkedHashMap<>();
        set.attributes().forEach(a -> attributes.put(a, new String[expected]));
        String attributeColumns = set.attributes().isEmpty() ? "" : ", " + columns(set.attributes());
        String sql = "SELECT " + columns(set.features()) + attributeColumns + ", label FROM " + source + " WHERE split = "
                + SqlText.literal(split) + " ORDER BY as_of, " + quote(set.entity());
        int r = 0;
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                if (r == expected) {
                    throw AssayException.invalid("training set " + set.id() + " holds more " + split + " rows than its manifest says ("
                            + expected + ")");
                }
                for (int j = 0; j < n; j++) {
                    rows[r * n + j] = value(result, j + 1, types.get(j));
                }
                int column = n + 1;
                for (String[] values : attributes.values()) {
                    values[r] = result.getString(column++);
                }
                labels[r] = result.getBoolean(column);
                r++;
            }
        }
        if (r != expected) {
            throw AssayException.invalid("training set " + set.id() + " holds " + r + " " + split + " rows but its manifest says " + expected);
        }
        return new Split(split, r, rows, labels, attributes);
    }

    private static float value(ResultSet result, int column, BundleSignature.Type type) throws SQLException {
        return switch (type) {
            case BOOLEAN -> {
                boolean value = result.getBoolean(column);
                yield result.wasNull() ? Float.NaN : value ? 1f : 0f;
            }
            case INTEGER, DOUBLE -> {
                double value = result.getDouble(column);
                yield result.wasNull() ? Float.NaN : (float) value;
            }
        };
    }

    private static String columns(List<String> names) {
        return String.join(", ", names.stream().map(TrainingData::quote).toList());
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
