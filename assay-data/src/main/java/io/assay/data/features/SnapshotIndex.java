package io.assay.data.features;

import io.assay.core.data.DataCatalog;
import io.assay.core.data.Snapshot;
import io.assay.core.error.AssayException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The snapshots of the catalog, read once for a whole build (a training set runs some twenty
 * sessions over the same snapshots): which ones a session up to a day reads, and how far the data
 * goes.
 */
final class SnapshotIndex {
    private final Map<String, List<Snapshot>> byTable = new TreeMap<>();

    private SnapshotIndex() {
    }

    static SnapshotIndex of(DataCatalog catalog) {
        SnapshotIndex index = new SnapshotIndex();
        for (Snapshot snapshot : catalog.listSnapshots(Optional.empty())) {
            index.byTable.computeIfAbsent(snapshot.table(), t -> new ArrayList<>()).add(snapshot);
        }
        return index;
    }

    /** The newest snapshot of each business day up to {@code upTo}, oldest day first; refused when there is none. */
    List<Snapshot> upTo(String table, LocalDate upTo) {
        List<Snapshot> all = byTable.getOrDefault(table, List.of());
        List<Snapshot> newestPerDay = Snapshot.newestPerDay(all.stream().filter(s -> !s.businessDate().isAfter(upTo)).toList());
        if (newestPerDay.isEmpty()) {
            throw AssayException.invalid(all.isEmpty() ? "table " + table + " has no snapshots yet; ingest a batch first"
                    : "as-of " + upTo + " is before the first snapshot of table " + table + " ("
                    + all.stream().map(Snapshot::businessDate).min(Comparator.naturalOrder()).orElseThrow() + ")");
        }
        return newestPerDay;
    }

    /**
     * Refuses a day past everything ingested: its features would silently be those of an older
     * day. A table that only sends changes (customers) or arrives monthly (bureau data) is not
     * asked to have a snapshot of that very day.
     */
    void requireIngestedBy(LocalDate day) {
        LocalDate latest = byTable.values().stream().flatMap(List::stream).map(Snapshot::businessDate)
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> AssayException.invalid("nothing is ingested yet; ingest a day's batches first"));
        if (latest.isBefore(day)) {
            throw AssayException.invalid("nothing is ingested for " + day + " yet: the last business day ingested is " + latest);
        }
    }

    /** The last business day ingested of any of the tables. */
    LocalDate last(Set<String> tables) {
        return edge(tables, Comparator.<LocalDate>naturalOrder());
    }

    /** The first business day ingested of any of the tables. */
    LocalDate first(Set<String> tables) {
        return edge(tables, Comparator.<LocalDate>reverseOrder());
    }

    private LocalDate edge(Set<String> tables, Comparator<LocalDate> later) {
        LocalDate result = null;
        for (String table : tables) {
            Optional<LocalDate> day = byTable.getOrDefault(table, List.of()).stream().map(Snapshot::businessDate).max(later);
            if (day.isEmpty()) {
                throw AssayException.invalid("table " + table + " has no snapshots yet; ingest a batch first");
            }
            if (result == null || later.compare(day.get(), result) > 0) {
                result = day.get();
            }
        }
        return result;
    }
}
