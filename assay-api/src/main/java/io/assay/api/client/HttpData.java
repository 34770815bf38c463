package io.assay.api.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.assay.api.DataApi;
import io.assay.api.DataViews.ContractView;
import io.assay.api.DataViews.ControlTotalsView;
import io.assay.api.DataViews.GrantView;
import io.assay.api.DataViews.IngestView;
import io.assay.api.DataViews.QuarantineView;
import io.assay.api.DataViews.QueryView;
import io.assay.api.DataViews.ReadView;
import io.assay.api.DataViews.SnapshotView;
import io.assay.api.Endpoint;
import io.assay.api.Requests;
import io.assay.api.Wire;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.assay.api.Endpoints.DATA_CONTRACTS;
import static io.assay.api.Endpoints.GRANTS;
import static io.assay.api.Endpoints.GRANT_ACCESS;
import static io.assay.api.Endpoints.INGEST_BATCH;
import static io.assay.api.Endpoints.QUARANTINE;
import static io.assay.api.Endpoints.QUERY;
import static io.assay.api.Endpoints.READS;
import static io.assay.api.Endpoints.REVOKE_GRANT;
import static io.assay.api.Endpoints.SNAPSHOT;
import static io.assay.api.Endpoints.SNAPSHOTS;

/** The data environment of a running Assay server, over the REST API; a batch is streamed as the request body. */
public final class HttpData implements DataApi {
    private final ApiClient api;

    public HttpData(ApiClient api) {
        this.api = api;
    }

    @Override
    public List<ContractView> contracts() {
        return api.call(DATA_CONTRACTS, DATA_CONTRACTS.fill(), null, new TypeReference<List<ContractView>>() {});
    }

    @Override
    public IngestView ingest(String table, LocalDate businessDate, Path file, Optional<ControlTotalsView> expected) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new AssayException(ErrorCode.INVALID_BATCH, "batch file " + file + " does not exist or cannot be read");
        }
        String query = "?date=" + businessDate + "&file=" + Endpoint.encode(file.getFileName().toString())
                + expected.map(totals -> "&rows=" + totals.rows() + "&sha256=" + Endpoint.encode(totals.sha256())).orElse("");
        try {
            HttpRequest request = api.request(INGEST_BATCH.fill(table) + query).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            return api.read(api.send(request), Wire.ANSWERS.constructType(IngestView.class));
        } catch (AssayException refused) {
            // The server names the batch by the name it was sent under; the person named a path, and reads it back.
            throw new AssayException(refused.code(), refused.getMessage().replace("batch file " + file.getFileName(), "batch file " + file));
        } catch (IOException e) {
            throw new AssayException(ErrorCode.INVALID_BATCH, "batch file " + file + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    public List<SnapshotView> snapshots(Optional<String> table) {
        return api.call(SNAPSHOTS, SNAPSHOTS.fill() + table.map(t -> "?table=" + Endpoint.encode(t)).orElse(""), null,
                new TypeReference<List<SnapshotView>>() {});
    }

    @Override
    public SnapshotView snapshot(String id) {
        return api.call(SNAPSHOT, SNAPSHOT.fill(id), null, SnapshotView.class);
    }

    @Override
    public QuarantineView quarantine(String snapshotId, int limit) {
        return api.call(QUARANTINE, QUARANTINE.fill(snapshotId) + "?limit=" + limit, null, QuarantineView.class);
    }

    @Override
    public GrantView grant(Requests.GrantAccess request) {
        return api.call(GRANT_ACCESS, GRANT_ACCESS.fill(), request, GrantView.class);
    }

    @Override
    public GrantView revoke(String grantId) {
        return api.call(REVOKE_GRANT, REVOKE_GRANT.fill(grantId), null, GrantView.class);
    }

    @Override
    public List<GrantView> grants(Optional<String> user) {
        return api.call(GRANTS, GRANTS.fill() + user.map(u -> "?user=" + Endpoint.encode(u)).orElse(""), null,
                new TypeReference<List<GrantView>>() {});
    }

    @Override
    public QueryView query(Requests.Query request) {
        return api.call(QUERY, QUERY.fill(), request, QueryView.class);
    }

    @Override
    public List<ReadView> reads(Optional<String> user) {
        return api.call(READS, READS.fill() + user.map(u -> "?user=" + Endpoint.encode(u)).orElse(""), null,
                new TypeReference<List<ReadView>>() {});
    }

    @Override
    public void close() {
        // the ApiClient holds nothing to close
    }
}
