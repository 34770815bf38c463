package io.assay.api;

import io.assay.core.common.Names;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One operation of the REST API: its method and its path template ({@code /api/v1/use-cases/{name}}).
 * Declared once in {@link Endpoints}; the server's route table registers it, the client fills it.
 */
public record Endpoint(String method, String path) {
    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)}");

    public Endpoint {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        // The control plane lives under /api/; the business scoring API is versioned apart, under /v1/, and the Open
        // Inference Protocol under the /v2/ its clients expect.
        if (!path.startsWith("/api/") && !path.startsWith("/v1/") && !path.startsWith("/v2/")) {
            throw new IllegalArgumentException("an endpoint path starts with /api/ (or /v1/ for scoring, /v2/ for inference): " + path);
        }
    }

    /** The path with its parameters filled in order, each URL-encoded as one segment. */
    public String fill(Object... values) {
        Matcher parameters = PARAMETER.matcher(path);
        StringBuilder filled = new StringBuilder();
        int next = 0;
        while (parameters.find()) {
            if (next == values.length) {
                throw new IllegalArgumentException(path + " needs more than " + values.length + " value(s)");
            }
            parameters.appendReplacement(filled, Matcher.quoteReplacement(encode(String.valueOf(values[next++]))));
        }
        parameters.appendTail(filled);
        if (next != values.length) {
            throw new IllegalArgumentException(path + " takes " + next + " value(s), not " + values.length);
        }
        return filled.toString();
    }

    /** One path segment or query value, encoded (and made printable: no control character reaches a URL). */
    public static String encode(String value) {
        return URLEncoder.encode(Names.printable(value, 1000), StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
