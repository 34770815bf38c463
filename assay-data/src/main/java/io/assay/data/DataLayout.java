package io.assay.data;

import io.assay.core.data.Snapshot;

import java.nio.file.Path;
import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * Where the data environment keeps its files under the Assay home. The pseudonymisation key is
 * deliberately outside {@link #root()}: whoever can read the data cannot read the key.
 */
public record DataLayout(Path home) {
    public DataLayout {
        requireNonNull(home, "home is null");
        home = home.toAbsolutePath().normalize();
    }

    public Path root() {
        return home.resolve("data");
    }

    public Path snapshots() {
        return root().resolve("snapshots");
    }

    public Path staging() {
        return root().resolve("staging");
    }

    public Path rejected() {
        return root().resolve("rejected");
    }

    public Path contractOverrides() {
        return home.resolve("contracts");
    }

    public Path pseudonymKeyFile() {
        return home.resolve("keys").resolve("pseudonym.key");
    }

    /** The folder of a snapshot, relative to {@link #root()} (as recorded in the catalog). */
    public String snapshotLocation(String table, LocalDate businessDate, String snapshotId) {
        return "snapshots/" + table + "/" + businessDate + "/" + snapshotId;
    }

    public Path folderOf(Snapshot snapshot) {
        return root().resolve(snapshot.location()).normalize();
    }
}
