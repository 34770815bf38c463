package io.assay.banksim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides which rows to break and how, and counts them. Draws from its own streams (one per
 * table and day), so the good rows are the same whatever the bad-row rate.
 */
final class BadRows {
    private static final long STREAM = 0xBAD0L;

    private final long seed;
    private final double rate;
    private final Dice[] dice = new Dice[Table.ALL.length];
    private final long[] counts = new long[BadRowKind.values().length];

    BadRows(long seed, double rate) {
        this.seed = seed;
        this.rate = rate;
        for (int i = 0; i < dice.length; i++) {
            dice[i] = new Dice();
        }
    }

    void startDay(int dayIndex) {
        for (Table table : Table.ALL) {
            dice[table.ordinal()].reseed(seed, STREAM, dayIndex, table.ordinal());
        }
    }

    /** The way to break the next row of the table, or null to write it as it is. */
    BadRowKind next(Table table) {
        if (rate == 0) {
            return null;
        }
        Dice tableDice = dice[table.ordinal()];
        if (!tableDice.chance(rate)) {
            return null;
        }
        return table.badRowKinds[tableDice.below(table.badRowKinds.length)];
    }

    /** A small choice among variants of a fault, from the table's stream. */
    int variant(Table table, int variants) {
        return dice[table.ordinal()].below(variants);
    }

    /** Records a row actually written broken; a kind may be swapped for another before it is written. */
    void count(BadRowKind kind) {
        counts[kind.ordinal()]++;
    }

    Map<String, Long> byKind() {
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (BadRowKind kind : BadRowKind.values()) {
            byKind.put(kind.name(), counts[kind.ordinal()]);
        }
        return byKind;
    }
}
