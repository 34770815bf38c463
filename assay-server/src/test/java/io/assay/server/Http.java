package io.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.api.Wire;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A plain HTTP caller for tests: what any client of the API would send. */
final class Http {
    record Response(int status, String contentType, String body, Optional<String> requestId) {
        JsonNode json() {
            try {
                return Wire.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String code() {
            return json().path("code").asText();
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;

    Http(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    Response get(String path, String token) {
        return send("GET", path, token, (String) null);
    }

    Response post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    Response send(String method, String path, String token, String json) {
        return send(method, path, token, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    Response send(String method, String path, String token, HttpRequest.BodyPublisher body) {
        return send(method, path, token, body, "application/json");
    }

    Response send(String method, String path, String token, HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method, body)
                .header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().firstValue("X-Request-Id"));
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String json(Object value) {
        try {
            return Wire.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
