package io.assay.core.error;

import static java.util.Objects.requireNonNull;

/**
 * Every error Assay reports, each with a stable name (clients match on it) and a category
 * (the one place that maps categories to HTTP statuses and exit codes reads only the category).
 */
public enum ErrorCode {
    INVALID_ARGUMENT(Category.INVALID_INPUT),
    INVALID_BATCH(Category.INVALID_INPUT),
    BATCH_REJECTED(Category.INVALID_INPUT),
    UNKNOWN_TABLE(Category.INVALID_INPUT),
    INVALID_CONTRACT(Category.INVALID_INPUT),
    /** A feature view or a use case's label definition that cannot be built as declared. */
    INVALID_DEFINITION(Category.INVALID_INPUT),
    PATH_OUTSIDE_FOLDER(Category.INVALID_INPUT),
    REQUEST_TOO_LARGE(Category.TOO_LARGE),
    NOT_FOUND(Category.NOT_FOUND),
    UNAUTHENTICATED(Category.UNAUTHENTICATED),
    ACCESS_DENIED(Category.FORBIDDEN),
    ROLE_REQUIRED(Category.FORBIDDEN),
    SEGREGATION_OF_DUTIES(Category.FORBIDDEN),
    ALREADY_EXISTS(Category.CONFLICT),
    CONCURRENT_CHANGE(Category.CONFLICT),
    /** What was asked is so already (a token or grant revoked before): nothing changed. */
    ALREADY_DONE(Category.CONFLICT),
    ILLEGAL_TRANSITION(Category.CONFLICT),
    STALE_DIGEST(Category.CONFLICT),
    GATES_INCOMPLETE(Category.CONFLICT),
    APPROVALS_INCOMPLETE(Category.CONFLICT),
    NOT_ROUTABLE(Category.CONFLICT),
    /** A label asked for before its horizon has passed: the data to judge it is not in yet. */
    NOT_MATURE(Category.CONFLICT),
    /** A version rebuilt from its lineage gave a model with another hash: the difference is named. */
    NOT_REPRODUCED(Category.CONFLICT),
    CONFIGURATION(Category.INTERNAL),
    STORAGE_FAILURE(Category.INTERNAL),
    UNEXPECTED(Category.INTERNAL),
    SERVER_UNREACHABLE(Category.INTERNAL);

    public enum Category {
        INVALID_INPUT,
        TOO_LARGE,
        NOT_FOUND,
        UNAUTHENTICATED,
        FORBIDDEN,
        CONFLICT,
        INTERNAL
    }

    private final Category category;

    ErrorCode(Category category) {
        this.category = requireNonNull(category, "category is null");
    }

    public Category category() {
        return category;
    }
}
