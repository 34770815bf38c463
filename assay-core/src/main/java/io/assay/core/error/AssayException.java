package io.assay.core.error;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type Assay throws on purpose. The message names the offending value
 * (a file, a row, a rule, an id) and never carries customer data.
 */
public class AssayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public AssayException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public AssayException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }

    public static AssayException invalid(String message) {
        return new AssayException(ErrorCode.INVALID_ARGUMENT, message);
    }

    public static AssayException notFound(String message) {
        return new AssayException(ErrorCode.NOT_FOUND, message);
    }
}
