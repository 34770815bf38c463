package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * Free-text fragments for descriptions and details, encoded once. They hold no digits beyond a
 * few, no {@code @} and no identifiers, so a good row never trips a leak scanner; only the
 * bad-row writer puts identifiers into free text.
 */
final class Texts {
    private Texts() {
    }

    /** A fragment that needs no CSV quoting, so fragments can be joined by a space inside one field. */
    static byte[] safe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '@') {
                throw new IllegalArgumentException("fragment needs quoting or looks like an address: " + text);
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A whole field, quoted if it must be (e.g. a complaint with a comma). */
    static byte[] field(String text) {
        return CsvFile.encode(text);
    }

    static byte[][] safe(String... texts) {
        byte[][] encoded = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            encoded[i] = safe(texts[i]);
        }
        return encoded;
    }

    static byte[][] fields(String... texts) {
        byte[][] encoded = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            encoded[i] = field(texts[i]);
        }
        return encoded;
    }

    /** Every prefix combined with every suffix, prefix-major. */
    static String[] combine(String[] prefixes, String[] suffixes) {
        String[] combined = new String[prefixes.length * suffixes.length];
        for (int i = 0; i < prefixes.length; i++) {
            for (int j = 0; j < suffixes.length; j++) {
                combined[i * suffixes.length + j] = prefixes[i] + " " + suffixes[j];
            }
        }
        return combined;
    }

    static String[] prefixed(String prefix, String[] names) {
        String[] prefixed = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            prefixed[i] = prefix + names[i];
        }
        return prefixed;
    }
}
