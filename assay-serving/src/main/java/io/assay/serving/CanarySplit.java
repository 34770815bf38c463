package io.assay.serving;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which share of customers a canary takes: a customer's bucket (0 to 99) is a hash of the use case
 * and the customer's token, so the same customer sees the same version on every call and every
 * replica, a canary of 10 % keeps its customers when it grows to 20 %, and use cases split apart.
 */
public final class CanarySplit {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    });

    private CanarySplit() {}

    public static int bucket(String useCase, String customerToken) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        digest.update(useCase.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        byte[] hash = digest.digest(customerToken.getBytes(StandardCharsets.UTF_8));
        long first = 0;
        for (int i = 0; i < 8; i++) {
            first = (first << 8) | (hash[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(first, 100);
    }
}
