package io.assay.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error answer (RFC 9457 problem+json) with Assay's stable error code, which clients match on,
 * and the request id that finds the request in the server log and the audit chain.
 *
 * @param error the detail again, on the Open Inference Protocol's routes only, whose clients read an error from there
 */
public record Problem(String type, String title, int status, String detail, String code, String requestId,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String code, String requestId) {
        this(type, title, status, detail, code, requestId, null);
    }

    public static String typeOf(String code) {
        return "urn:assay:problem:" + code;
    }
}
