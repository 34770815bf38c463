package io.assay.data.privacy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Recent tokens of one domain, keyed by the value's characters packed into the table itself.
 * A batch names tens of thousands of customers in random order, so every lookup in a map
 * follows a node, a key and the key's bytes, each a likely cache miss; here a lookup reads one
 * slot. Values of at most {@value #MAX_CHARS} Latin-1 characters (ids, IBANs) are packed; any
 * other value goes to an ordinary map. Not thread-safe.
 */
final class TokenTable {
    static final int MAX_CHARS = 40;
    /** A slot: a header (hash bits and length), then the characters, eight to a word. */
    private static final int STRIDE = 1 + MAX_CHARS / 8;
    private static final int FIRST_SLOTS = 1 << 12;

    private final int maxEntries;
    private final Map<String, String> others = new HashMap<>();
    private long[] slots = new long[FIRST_SLOTS * STRIDE];
    private String[] tokens = new String[FIRST_SLOTS];
    private int size;
    /** The value last looked up, packed like a slot, so that a miss can be stored without packing it again. */
    private final long[] probe = new long[STRIDE];
    private String probed;

    /** @param maxEntries how many tokens to hold before starting afresh, so memory stays bounded */
    TokenTable(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The token of {@code value}, or null when it is not held. */
    String get(String value) {
        if (!pack(value)) {
            return others.get(value);
        }
        for (int slot = home(probe[0], tokens.length); ; slot = (slot + 1) & (tokens.length - 1)) {
            int at = slot * STRIDE;
            if (slots[at] == 0) {
                return null;
            }
            if (Arrays.equals(slots, at, at + STRIDE, probe, 0, STRIDE)) {
                return tokens[slot];
            }
        }
    }

    void put(String value, String token) {
        if (value != probed && !pack(value)) {
            if (others.size() >= maxEntries) {
                others.clear();
            }
            others.put(value, token);
            return;
        }
        if (size >= maxEntries) {
            Arrays.fill(slots, 0L);
            Arrays.fill(tokens, null);
            size = 0;
        } else if (size >= tokens.length / 2) {
            grow();
        }
        insert(probe, 0, token);
        size++;
    }

    /** Packs {@code value} into {@link #probe}; false when the table cannot keep it. */
    private boolean pack(String value) {
        probed = null;
        int length = value.length();
        if (length == 0 || length > MAX_CHARS) {
            return false;
        }
        Arrays.fill(probe, 0L);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return false;
            }
            probe[1 + (i >> 3)] |= (long) c << ((i & 7) << 3);
        }
        long hash = length;
        for (int word = 1; word < STRIDE; word++) {
            hash = (hash ^ probe[word]) * 0x9E3779B97F4A7C15L;
        }
        // The length sits in the low byte, so a used header is never 0 (an empty slot).
        probe[0] = (hash ^ (hash >>> 31)) & ~0xFFL | length;
        probed = value;
        return true;
    }

    private void insert(long[] from, int offset, String token) {
        int slot = home(from[offset], tokens.length);
        while (slots[slot * STRIDE] != 0) {
            slot = (slot + 1) & (tokens.length - 1);
        }
        System.arraycopy(from, offset, slots, slot * STRIDE, STRIDE);
        tokens[slot] = token;
    }

    /** Doubles the table, so that at least half of it stays empty and a probe ends soon. */
    private void grow() {
        long[] oldSlots = slots;
        String[] oldTokens = tokens;
        slots = new long[oldSlots.length * 2];
        tokens = new String[oldTokens.length * 2];
        for (int slot = 0; slot < oldTokens.length; slot++) {
            if (oldSlots[slot * STRIDE] != 0) {
                insert(oldSlots, slot * STRIDE, oldTokens[slot]);
            }
        }
    }

    private static int home(long header, int capacity) {
        return (int) (header >>> 40) & (capacity - 1);
    }
}
