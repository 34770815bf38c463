package io.assay.api;

import io.assay.api.DataViews.ContractView;
import io.assay.api.DataViews.ControlTotalsView;
import io.assay.api.DataViews.GrantView;
import io.assay.api.DataViews.IngestView;
import io.assay.api.DataViews.QuarantineView;
import io.assay.api.DataViews.QueryView;
import io.assay.api.DataViews.ReadView;
import io.assay.api.DataViews.SnapshotView;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The data environment as one signed-in person may use it, in-process on a home or against a
 * running server, with the same answers and errors: contracts, batch ingest, snapshots and their
 * quarantine, access grants, queries and the read log.
 */
public interface DataApi extends AutoCloseable {
    List<ContractView> contracts();

    /** Ingests one batch file of {@code table} for its business day, optionally held to the extract's control totals. */
    IngestView ingest(String table, LocalDate businessDate, Path file, Optional<ControlTotalsView> expected);

    List<SnapshotView> snapshots(Optional<String> table);

    SnapshotView snapshot(String id);

    QuarantineView quarantine(String snapshotId, int limit);

    GrantView grant(Requests.GrantAccess request);

    GrantView revoke(String grantId);

    /** The grants of one user (or of everyone, for stewards, data reviewers and auditors), newest first. */
    List<GrantView> grants(Optional<String> user);

    QueryView query(Requests.Query request);

    /** Every read, allowed or refused, oldest first. */
    List<ReadView> reads(Optional<String> user);

    @Override
    void close();
}
