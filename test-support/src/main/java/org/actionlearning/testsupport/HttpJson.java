package org.actionlearning.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** A small JSON-over-HTTP client for tests: real requests to the running service. */
public final class HttpJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final HttpClient client = CLIENT;
    private final String baseUrl;
    private final String authorization;

    /** A client that signs in as no one (the services answer 401 to most requests). */
    public HttpJson(String baseUrl) {
        this(baseUrl, null);
    }

    private HttpJson(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** The same service, every request signed in with HTTP Basic as this user. */
    public HttpJson as(String username, String password) {
        return new HttpJson(baseUrl, TestIdentity.basic(username, password));
    }

    /** The same service, every request carrying this {@code Authorization} header. */
    public HttpJson withAuthorization(String header) {
        return new HttpJson(baseUrl, header);
    }

    /** The same service, every request carrying this bearer token. */
    public HttpJson withToken(String token) {
        return new HttpJson(baseUrl, "Bearer " + token);
    }

    /** The same service, signed in as no one. */
    public HttpJson anonymous() {
        return new HttpJson(baseUrl, null);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public record Response(int status, String contentType, String location, JsonNode body, String raw) {
        public UUID id(String field) {
            return UUID.fromString(body.get(field).asText());
        }
    }

    public Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        String text = body instanceof String s ? s : write(body);
        return send("POST", path, text, headers);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode json = raw == null || raw.isBlank() ? MissingNode.getInstance() : parse(raw);
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Location").orElse(null), json, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
