package io.assay.server.local;

import io.assay.api.DataApi;
import io.assay.api.DataViews;
import io.assay.api.DataViews.ContractColumnView;
import io.assay.api.DataViews.ContractView;
import io.assay.api.DataViews.ControlTotalsView;
import io.assay.api.DataViews.GrantView;
import io.assay.api.DataViews.IngestView;
import io.assay.api.DataViews.QuarantineView;
import io.assay.api.DataViews.QuarantinedRow;
import io.assay.api.DataViews.QueryView;
import io.assay.api.DataViews.ReadView;
import io.assay.api.DataViews.SnapshotView;
import io.assay.api.Parse;
import io.assay.api.Requests;
import io.assay.core.data.Snapshot;
import io.assay.core.error.AssayException;
import io.assay.data.DataEnvironment;
import io.assay.data.contract.ContractColumn;
import io.assay.data.contract.DataContract;
import io.assay.data.ingest.ControlTotals;
import io.assay.data.ingest.IngestResult;
import io.assay.data.query.QueryResult;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The data environment in-process, acting as one named person: translate the wire request, make
 * one call on the data environment (which asks the core who may), answer with wire records. It
 * serves the local CLI and every data route of the server alike.
 */
public final class LocalData implements DataApi {
    /** Rows a query answers with when the caller names no limit. */
    public static final int DEFAULT_QUERY_ROWS = 50;

    private final DataEnvironment data;
    private final String actor;

    public LocalData(DataEnvironment data, String actor) {
        this.data = requireNonNull(data, "data is null");
        this.actor = requireNonNull(actor, "actor is null");
    }

    @Override
    public List<ContractView> contracts() {
        return data.contracts(actor).all().values().stream().map(LocalData::contract).toList();
    }

    @Override
    public IngestView ingest(String table, LocalDate businessDate, Path file, Optional<ControlTotalsView> expected) {
        IngestResult result = data.ingest(actor, file, table, Parse.required("business date", businessDate),
                expected.map(totals -> new ControlTotals(totals.rows(), totals.sha256())));
        return new IngestView(result.outcome().name(), result.elapsed().toMillis(), DataViews.snapshot(result.snapshot()));
    }

    @Override
    public List<SnapshotView> snapshots(Optional<String> table) {
        return data.snapshots(actor, table).stream().map(DataViews::snapshot).toList();
    }

    @Override
    public SnapshotView snapshot(String id) {
        return DataViews.snapshot(data.snapshot(actor, id));
    }

    @Override
    public QuarantineView quarantine(String snapshotId, int limit) {
        if (limit < 1) {
            throw AssayException.invalid("the limit must be at least 1, was " + limit);
        }
        Snapshot snapshot = data.snapshot(actor, snapshotId);
        List<QuarantinedRow> rows = data.quarantine(actor, snapshotId, limit).stream()
                .map(entry -> new QuarantinedRow(entry.sourceRow(), entry.rule(), entry.column(), entry.detail())).toList();
        return new QuarantineView(snapshot.id(), snapshot.quarantinedRows(), snapshot.quarantined(), rows);
    }

    @Override
    public GrantView grant(Requests.GrantAccess request) {
        Parse.required("body", request);
        return DataViews.grant(data.access().grant(request.user(), request.purpose(), request.tables(), request.expires(), actor));
    }

    @Override
    public GrantView revoke(String grantId) {
        return DataViews.grant(data.access().revoke(grantId, actor));
    }

    @Override
    public List<GrantView> grants(Optional<String> user) {
        return data.access().grants(actor, user).stream().map(DataViews::grant).toList();
    }

    @Override
    public QueryView query(Requests.Query request) {
        Parse.required("body", request);
        QueryResult result = data.query(actor, request.sql(), request.limit().orElse(DEFAULT_QUERY_ROWS));
        return new QueryView(result.read().id(), result.truncated(), result.columns(), result.rows());
    }

    @Override
    public List<ReadView> reads(Optional<String> user) {
        return data.access().reads(actor, user).stream().map(DataViews::read).toList();
    }

    @Override
    public void close() {
        // the composition root owns the data environment
    }

    private static ContractView contract(DataContract contract) {
        return new ContractView(contract.table(), contract.version(), contract.description(), contract.maxRejectedShare(),
                contract.toleratedBadRows(), contract.uniqueKey(), contract.columns().stream().map(column -> new ContractColumnView(
                        column.name(), column.type().name(), column.nullable(), column.privacy().name(), column.pseudonymisation().name(),
                        rules(column), column.allowedValues().stream().sorted().toList())).toList());
    }

    /** A column's checks in words, for people reading a contract. */
    private static String rules(ContractColumn column) {
        StringBuilder rules = new StringBuilder();
        column.pattern().ifPresent(pattern -> rules.append("pattern ").append(pattern.pattern()).append("; "));
        if (!column.allowedValues().isEmpty()) {
            rules.append("one of ").append(String.join(", ", column.allowedValues().stream().sorted().toList())).append("; ");
        }
        column.min().ifPresent(min -> rules.append("min ").append(min.toPlainString()).append("; "));
        column.max().ifPresent(max -> rules.append("max ").append(max.toPlainString()).append("; "));
        if (column.freeText()) {
            rules.append("scanned for identifiers; ");
        }
        if (column.onBusinessDate()) {
            rules.append("on the business date; ");
        }
        switch (column.pseudonymisation()) {
            case TOKENISE -> rules.append("tokenised (").append(column.tokenDomain().orElseThrow()).append(")");
            case DROP -> rules.append("dropped");
            case KEEP -> { }
        }
        return rules.toString().replaceAll("; $", "");
    }
}
