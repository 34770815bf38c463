package io.assay.api;

/**
 * An error answer (RFC 9457 problem+json) with Assay's stable error code, which clients match on,
 * and the request id that finds the request in the server log and the audit chain.
 */
public record Problem(String type, String title, int status, String detail, String code, String requestId) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static String typeOf(String code) {
        return "urn:assay:problem:" + code;
    }
}
