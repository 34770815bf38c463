package io.assay.data.query;

import io.assay.core.data.DataRead;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The rows a query returned (at most the limit asked for), and the logged read that allowed it. */
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated, DataRead read) {
    public QueryResult {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
        requireNonNull(read, "read is null");
    }
}
