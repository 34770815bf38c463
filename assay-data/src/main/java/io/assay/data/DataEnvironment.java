package io.assay.data;

import io.assay.core.common.IdSource;
import io.assay.core.data.DataAccessService;
import io.assay.core.data.DataCatalog;
import io.assay.core.data.Snapshot;
import io.assay.core.error.AssayException;
import io.assay.data.contract.Contracts;
import io.assay.data.ingest.BatchIngester;
import io.assay.data.ingest.DayIngester;
import io.assay.data.privacy.PseudonymKey;
import io.assay.data.query.SnapshotQueries;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The data environment assembled on one Assay home: contracts, ingest, grants and queries over
 * one catalog. The pseudonymisation key is resolved only when something is ingested, so
 * listing snapshots never touches it.
 */
public final class DataEnvironment {
    /** DuckDB's memory budget per ingest; beyond it DuckDB spills to the staging folder. */
    private static final String INGEST_MEMORY_LIMIT = "256MB";

    private final DataLayout layout;
    private final DataCatalog catalog;
    private final Clock clock;
    private final Contracts contracts;
    private final DataAccessService access;
    private final Optional<String> keyFromEnvironment;

    public DataEnvironment(DataLayout layout, DataCatalog catalog, Clock clock, IdSource ids, Optional<String> keyFromEnvironment) {
        this.layout = requireNonNull(layout, "layout is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.keyFromEnvironment = requireNonNull(keyFromEnvironment, "keyFromEnvironment is null");
        this.contracts = Contracts.load(Optional.of(layout.contractOverrides()));
        this.access = new DataAccessService(catalog, contracts.tables(), clock, ids);
    }

    public DataLayout layout() {
        return layout;
    }

    public Contracts contracts() {
        return contracts;
    }

    public DataAccessService access() {
        return access;
    }

    /** The snapshots, grants and read log, as recorded (the lineage gate checks versions against it). */
    public DataCatalog catalog() {
        return catalog;
    }

    public BatchIngester ingester() {
        PseudonymKey key = PseudonymKey.resolve(keyFromEnvironment, layout.pseudonymKeyFile());
        return new BatchIngester(layout, contracts, catalog, key, clock, INGEST_MEMORY_LIMIT);
    }

    public DayIngester days() {
        return new DayIngester(ingester(), contracts);
    }

    public SnapshotQueries queries() {
        return new SnapshotQueries(layout, catalog, access);
    }

    public QuarantineReader quarantine() {
        return new QuarantineReader(layout);
    }

    public List<Snapshot> snapshots(Optional<String> table) {
        table.ifPresent(contracts::forTable);
        return catalog.listSnapshots(table);
    }

    public Snapshot snapshot(String id) {
        return catalog.findSnapshot(id).orElseThrow(() -> AssayException.notFound("no snapshot " + io.assay.core.common.Names.quoted(id)
                + "; list them with: assay data snapshots"));
    }
}
