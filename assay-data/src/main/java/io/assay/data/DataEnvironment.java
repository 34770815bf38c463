package io.assay.data;

import io.assay.core.access.Permission;
import io.assay.core.access.UserDirectory;
import io.assay.core.audit.AuditLog;
import io.assay.core.common.IdSource;
import io.assay.core.data.DataAccessService;
import io.assay.core.data.DataCatalog;
import io.assay.core.data.Snapshot;
import io.assay.core.error.AssayException;
import io.assay.data.contract.Contracts;
import io.assay.data.ingest.BatchIngester;
import io.assay.data.ingest.ControlTotals;
import io.assay.data.ingest.IngestResult;
import io.assay.data.privacy.PseudonymKey;
import io.assay.data.query.QueryResult;
import io.assay.data.query.SnapshotQueries;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The data environment assembled on one Assay home: contracts, ingest, grants and queries over
 * one catalog. Every action names its actor, who must be an active user holding the action's
 * {@link Permission} (asked of {@link DataAccessService}, the one owner of who may touch data).
 * The pseudonymisation key is resolved only when something is ingested, so listing snapshots
 * never touches it.
 */
public final class DataEnvironment {
    /** The token domain of customer ids in the shipped contracts. */
    public static final String CUSTOMER_DOMAIN = "customer";

    /** DuckDB's memory budget per ingest; beyond it DuckDB spills to the staging folder. */
    private static final String INGEST_MEMORY_LIMIT = "256MB";

    private final DataLayout layout;
    private final DataCatalog catalog;
    private final Clock clock;
    private final Contracts contracts;
    private final DataAccessService access;
    private final Optional<String> keyFromEnvironment;
    private final io.assay.data.features.FeatureEngine features;

    /** @param audit the home's audit log, where refused actions of the data environment are recorded */
    public DataEnvironment(DataLayout layout, DataCatalog catalog, UserDirectory users, AuditLog audit, Clock clock, IdSource ids,
                           Optional<String> keyFromEnvironment) {
        this.layout = requireNonNull(layout, "layout is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.keyFromEnvironment = requireNonNull(keyFromEnvironment, "keyFromEnvironment is null");
        this.contracts = Contracts.load(Optional.of(layout.contractOverrides()));
        this.access = new DataAccessService(catalog, users, audit, contracts.tables(), clock, ids);
        this.features = new io.assay.data.features.FeatureEngine(layout, catalog, contracts, access, audit, clock, ids);
    }

    /** Feature views, labels, training sets and serving tables over this environment's snapshots. */
    public io.assay.data.features.FeatureEngine features() {
        return features;
    }

    public DataLayout layout() {
        return layout;
    }

    /** The contracts in force, as the data catalog's readers see them. */
    public Contracts contracts(String actor) {
        access.require(actor, Permission.READ_DATA_CATALOG);
        return contracts;
    }

    /** Grants, revocations and the read log. */
    public DataAccessService access() {
        return access;
    }

    /** The snapshots as recorded, for Assay's own checks (the lineage gate), not for a person. */
    public DataCatalog catalog() {
        return catalog;
    }

    public IngestResult ingest(String actor, Path file, String table, LocalDate businessDate, Optional<ControlTotals> expected) {
        access.requireAudited(actor, Permission.INGEST_DATA, "data.ingest", "table:" + table);
        return ingester().ingest(file, table, businessDate, actor, expected);
    }

    public QueryResult query(String actor, String sql, int maxRows) {
        return new SnapshotQueries(layout, catalog, access).query(actor, sql, maxRows);
    }

    public List<Snapshot> snapshots(String actor, Optional<String> table) {
        access.require(actor, Permission.READ_DATA_CATALOG);
        table.ifPresent(contracts::forTable);
        return catalog.listSnapshots(table);
    }

    public Snapshot snapshot(String actor, String id) {
        access.require(actor, Permission.READ_DATA_CATALOG);
        return catalog.findSnapshot(id).orElseThrow(() -> AssayException.notFound("no snapshot " + io.assay.core.common.Names.quoted(id)
                + "; list them with: assay data snapshots"));
    }

    public List<QuarantineReader.Entry> quarantine(String actor, String snapshotId, int limit) {
        return new QuarantineReader(layout).read(snapshot(actor, snapshotId), limit);
    }

    /**
     * The token ingestion gives a customer's raw id (token domain {@value #CUSTOMER_DOMAIN}), for
     * what is kept by token and entered by raw id, such as a marketing objection; the raw id is not kept.
     */
    public String customerToken(String rawId) {
        String id = io.assay.core.common.Names.requireText("customer id", rawId, 128);
        return new io.assay.data.privacy.Pseudonymiser(PseudonymKey.resolve(keyFromEnvironment, layout.pseudonymKeyFile()), 1)
                .token(CUSTOMER_DOMAIN, id);
    }

    private BatchIngester ingester() {
        PseudonymKey key = PseudonymKey.resolve(keyFromEnvironment, layout.pseudonymKeyFile());
        return new BatchIngester(layout, contracts, catalog, key, clock, INGEST_MEMORY_LIMIT);
    }
}
