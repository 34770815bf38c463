package io.assay.server;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.store.DatabaseConfig;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a production server must have before it starts: PostgreSQL (not the embedded SQLite file),
 * authentication on, and a real secret. The secret is the pseudonymisation key: in production
 * it comes from the environment (ASSAY_PSEUDONYM_KEY), holds at least 32 bytes and is not a
 * placeholder, never a key file a demo made. Every problem is listed at once.
 */
public final class ProductionProfile {
    static final int MIN_SECRET_BYTES = 32;
    /** A random 32-byte key has about 32 distinct byte values; "changeme…" repeated has a handful. */
    private static final int MIN_DISTINCT_BYTES = 12;

    private ProductionProfile() {}

    public static void check(ServerConfig server, DatabaseConfig database, Optional<String> secretHex) {
        if (server.profile() != ServerConfig.Profile.PRODUCTION) {
            return;
        }
        List<String> problems = problems(server, database, secretHex);
        if (!problems.isEmpty()) {
            throw new AssayException(ErrorCode.CONFIGURATION, "the production profile refuses to start: " + String.join("; ", problems));
        }
    }

    static List<String> problems(ServerConfig server, DatabaseConfig database, Optional<String> secretHex) {
        List<String> problems = new ArrayList<>();
        if (!database.isPostgres()) {
            problems.add("the metadata database is " + database.describe() + "; production needs PostgreSQL (ASSAY_DB_URL=jdbc:postgresql://…)");
        }
        if (!server.authenticationRequired()) {
            problems.add("authentication is off; production needs it on (ASSAY_AUTH=on)");
        }
        if (secretHex.isEmpty()) {
            problems.add("ASSAY_PSEUDONYM_KEY is not set; production takes its secret from the environment, not a default key file");
        } else {
            byte[] secret;
            try {
                secret = HexFormat.of().parseHex(secretHex.get().strip());
            } catch (IllegalArgumentException e) {
                secret = new byte[0];
                problems.add("ASSAY_PSEUDONYM_KEY is not hex");
            }
            if (secret.length > 0 && secret.length < MIN_SECRET_BYTES) {
                problems.add("ASSAY_PSEUDONYM_KEY holds " + secret.length + " bytes; production needs at least " + MIN_SECRET_BYTES);
            } else if (secret.length > 0 && distinct(secret) < MIN_DISTINCT_BYTES) {
                problems.add("ASSAY_PSEUDONYM_KEY looks like a placeholder (few distinct bytes); generate a random one");
            }
        }
        return problems;
    }

    private static long distinct(byte[] bytes) {
        boolean[] seen = new boolean[256];
        long count = 0;
        for (byte b : bytes) {
            if (!seen[b & 0xff]) {
                seen[b & 0xff] = true;
                count++;
            }
        }
        return count;
    }
}
