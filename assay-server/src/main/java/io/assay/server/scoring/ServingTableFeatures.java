package io.assay.server.scoring;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.SqlText;
import io.assay.data.features.FeatureEngine;
import io.assay.data.features.ServingTable;
import io.assay.serving.CustomerFeatures;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Customers' features from each use case's published serving table, held in memory: a request
 * reads a map, never a file or a database. {@link #refresh} loads a newly materialised table
 * beside the old one and swaps it in whole, so a request sees one day's table or the next.
 */
public final class ServingTableFeatures implements CustomerFeatures {
    private final FeatureEngine features;
    private final Map<String, Loaded> tables = new ConcurrentHashMap<>();

    private record Loaded(String tableId, Map<String, ObjectNode> rows) {
    }

    public ServingTableFeatures(FeatureEngine features) {
        this.features = requireNonNull(features, "features is null");
    }

    @Override
    public Optional<ObjectNode> features(String useCase, String customerToken) {
        Loaded loaded = tables.get(useCase);
        return loaded == null ? Optional.empty() : Optional.ofNullable(loaded.rows().get(customerToken));
    }

    /** Loads the serving table of each use case whose published table changed since the last refresh. */
    public void refresh(Collection<String> useCases) {
        for (String useCase : useCases) {
            Optional<ServingTable> published = features.publishedServingTable(useCase);
            if (published.isEmpty()) {
                tables.remove(useCase);
                continue;
            }
            Loaded current = tables.get(useCase);
            if (current == null || !current.tableId().equals(published.get().id())) {
                tables.put(useCase, load(published.get()));
            }
        }
    }

    private Loaded load(ServingTable table) {
        Map<String, ObjectNode> rows = new HashMap<>();
        String source = "read_parquet(" + SqlText.literal(features.dataFile(table).toString()) + ")";
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + source)) {
            ResultSetMetaData columns = result.getMetaData();
            int entity = result.findColumn(table.entity());
            while (result.next()) {
                ObjectNode row = JsonNodeFactory.instance.objectNode();
                for (int c = 1; c <= columns.getColumnCount(); c++) {
                    if (c == entity) {
                        continue;
                    }
                    Object value = result.getObject(c);
                    String name = columns.getColumnLabel(c);
                    if (value == null) {
                        row.putNull(name);
                    } else if (value instanceof Boolean flag) {
                        row.put(name, flag);
                    } else if (value instanceof Number number) {
                        row.put(name, number.doubleValue());
                    } else {
                        row.put(name, value.toString());
                    }
                }
                rows.put(result.getString(entity), row);
            }
        } catch (SQLException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot load the serving table " + table.id() + ": " + e.getMessage());
        }
        return new Loaded(table.id(), Map.copyOf(rows));
    }
}
