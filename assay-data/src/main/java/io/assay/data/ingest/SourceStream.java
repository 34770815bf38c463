package io.assay.data.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a batch file once while hashing it, and remembers its last byte: the hash makes ingest
 * idempotent without a second pass over the file, the last byte tells a cut-off file.
 */
final class SourceStream extends FilterInputStream {
    private final MessageDigest digest;
    private long bytes;
    private int lastByte = -1;

    SourceStream(InputStream in) {
        super(in);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            bytes++;
            lastByte = b;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
            bytes += n;
            lastByte = buffer[offset + n - 1] & 0xff;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("skipping would leave bytes out of the hash");
    }

    long bytes() {
        return bytes;
    }

    boolean endsWithLineBreak() {
        return lastByte == '\n';
    }

    /** The SHA-256 of everything read; call once, after the last read. */
    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
