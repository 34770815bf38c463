package io.assay.data.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Keyed HMAC-SHA256 tokens for direct identifiers: the same value in the same domain gives the
 * same token every day and in every table, and nobody without the key can reverse or recompute
 * it. Not thread-safe (a {@link Mac} is not): one per ingest.
 */
public final class Pseudonymiser {
    /** 128 bits of the MAC, as hex: enough to never collide across a bank's customers. */
    private static final int TOKEN_BYTES = 16;
    /**
     * Recent tokens per domain, because a day's batch names the same customer many times.
     * Emptied when full, so memory stays bounded whatever the batch size; pseudonymisers that
     * work side by side share this budget out among themselves.
     */
    public static final int CACHED_TOKENS = 100_000;

    private final Mac mac;
    private final Map<String, DomainTokens> domains = new HashMap<>();
    private final int cachedTokens;

    public Pseudonymiser(PseudonymKey key) {
        this(key, CACHED_TOKENS);
    }

    /** A pseudonymiser that caches at most {@code cachedTokens} tokens per domain. */
    public Pseudonymiser(PseudonymKey key, int cachedTokens) {
        requireNonNull(key, "key is null");
        if (cachedTokens < 1) {
            throw new IllegalArgumentException("cachedTokens must be positive, was " + cachedTokens);
        }
        this.cachedTokens = cachedTokens;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    public String token(String domain, String value) {
        return forDomain(domain).token(value);
    }

    /** The tokens of one domain, for a caller that tokenises many values of it (one lookup less per value). */
    public DomainTokens forDomain(String domain) {
        return domains.computeIfAbsent(requireNonNull(domain, "domain is null"), DomainTokens::new);
    }

    /** One domain's tokens with their cache; shares its pseudonymiser's MAC, so it is no more thread-safe. */
    public final class DomainTokens {
        private final String domain;
        private final TokenTable recent = new TokenTable(cachedTokens);
        /**
         * The last value and its token: an extract lists an account's bookings together, so a
         * value often repeats the row before, and comparing with it is far cheaper than a lookup.
         */
        private String lastValue;
        private String lastToken;

        private DomainTokens(String domain) {
            this.domain = domain;
        }

        public String token(String value) {
            if (value.equals(lastValue)) {
                return lastToken;
            }
            String token = recent.get(value);
            if (token == null) {
                token = computeToken(domain, value);
                recent.put(value, token);
            }
            lastValue = value;
            lastToken = token;
            return token;
        }
    }

    private String computeToken(String domain, String value) {
        mac.update(domain.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, TOKEN_BYTES);
    }
}
