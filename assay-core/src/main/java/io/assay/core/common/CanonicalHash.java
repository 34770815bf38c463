package io.assay.core.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over a sequence of fields, each written as its length and its text, so no two
 * different sequences hash alike ("ab","c" and "a","bc" differ). The field order is the format:
 * changing it changes every hash, so callers version what they hash.
 */
public final class CanonicalHash {
    private final MessageDigest digest;

    private CanonicalHash(String format) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
        add(format);
    }

    /** @param format a name and version of what is hashed, e.g. {@code assay-audit-event/1} */
    public static CanonicalHash of(String format) {
        return new CanonicalHash(format);
    }

    public CanonicalHash add(String field) {
        byte[] bytes = (field == null ? "\u0000null" : field).getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    public CanonicalHash add(long value) {
        return add(Long.toString(value));
    }

    public CanonicalHash add(boolean value) {
        return add(Boolean.toString(value));
    }

    /** Doubles by their exact bits' shortest text, so 0.1 hashes the same on every machine. */
    public CanonicalHash add(double value) {
        return add(Double.toString(value));
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
