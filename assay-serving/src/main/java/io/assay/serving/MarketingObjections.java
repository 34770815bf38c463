package io.assay.serving;

/**
 * Which customers object to marketing (GDPR Art. 21), as the data plane holds them in memory:
 * asked on every call of a marketing use case, so it reads no database.
 */
@FunctionalInterface
public interface MarketingObjections {
    MarketingObjections NONE = customerToken -> false;

    boolean objects(String customerToken);
}
