package io.assay.core.common;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Where new identifiers come from; injected so tests get predictable ids. */
@FunctionalInterface
public interface IdSource {
    /** A new identifier that starts with {@code prefix}, e.g. {@code grant-1f3c...}. */
    String next(String prefix);

    static IdSource random() {
        return prefix -> prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static IdSource sequential() {
        AtomicLong counter = new AtomicLong();
        return prefix -> prefix + "-" + counter.incrementAndGet();
    }
}
