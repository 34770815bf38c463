package io.assay.data;

import io.assay.core.data.Snapshot;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Reads a snapshot's quarantine: which source rows were held back, by which rule, in which
 * column, and why. Quarantine records never hold identifying values, so they are metadata for
 * the data stewards, not a read of customer data.
 */
public final class QuarantineReader {
    /** One quarantined source row. */
    public record Entry(long sourceRow, String rule, String column, String detail) {
    }

    private final DataLayout layout;

    QuarantineReader(DataLayout layout) {
        this.layout = requireNonNull(layout, "layout is null");
    }

    public List<Entry> read(Snapshot snapshot, int limit) {
        Path file = layout.folderOf(snapshot).resolve("quarantine.parquet");
        if (!Files.isRegularFile(file)) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "snapshot " + snapshot.id() + " has no quarantine file at " + file);
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement statement = duckdb.prepareStatement(
                     "SELECT source_row, rule, column_name, detail FROM read_parquet(?) ORDER BY source_row LIMIT ?")) {
            statement.setString(1, file.toString());
            statement.setInt(2, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    entries.add(new Entry(result.getLong(1), result.getString(2), result.getString(3), result.getString(4)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "quarantine of snapshot " + snapshot.id() + " cannot be read: "
                    + e.getMessage());
        }
    }
}
