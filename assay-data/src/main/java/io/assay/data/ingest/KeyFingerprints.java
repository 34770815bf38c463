package io.assay.data.ingest;

/**
 * Sees every unique key of a batch as a 64-bit fingerprint, to tell — without a second pass —
 * that a batch certainly has no repeated key, which is nearly always so. A repeated fingerprint
 * means only "maybe": the exact check in DuckDB then decides. Memory is capped: past
 * {@link #CAPACITY} keys it stops tracking and the exact check runs.
 */
final class KeyFingerprints {
    /** 1M keys: a 16 MB table at the most (24 MB while it grows), whatever the heap. */
    static final int CAPACITY = 1 << 20;
    private static final long EMPTY = 0;

    private long[] table = new long[1 << 14];
    private int size;
    private boolean maybeRepeated;
    private boolean overflowed;

    void add(String key) {
        if (maybeRepeated || overflowed) {
            return;
        }
        if (size >= CAPACITY) {
            overflowed = true;
            table = null;
            return;
        }
        if (2 * (size + 1) > table.length) {
            grow();
        }
        if (!insert(table, fingerprint(key))) {
            maybeRepeated = true;
            table = null;
        }
    }

    /** False only when no key can have repeated. */
    boolean mayHaveRepeats() {
        return maybeRepeated || overflowed;
    }

    private boolean insert(long[] slots, long fingerprint) {
        int mask = slots.length - 1;
        for (int slot = (int) (fingerprint ^ (fingerprint >>> 32)) & mask; ; slot = (slot + 1) & mask) {
            if (slots[slot] == EMPTY) {
                slots[slot] = fingerprint;
                size++;
                return true;
            }
            if (slots[slot] == fingerprint) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long fingerprint : old) {
            if (fingerprint != EMPTY) {
                insert(table, fingerprint);
            }
        }
    }

    /** Two independent 32-bit hashes side by side; never {@link #EMPTY}. */
    static long fingerprint(String key) {
        int fnv = 0x811c9dc5;
        for (int i = 0; i < key.length(); i++) {
            fnv = (fnv ^ key.charAt(i)) * 0x01000193;
        }
        long fingerprint = ((long) key.hashCode() << 32) | (fnv & 0xffffffffL);
        return fingerprint == EMPTY ? 1 : fingerprint;
    }
}
