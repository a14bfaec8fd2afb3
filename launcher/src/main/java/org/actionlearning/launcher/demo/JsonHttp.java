package org.actionlearning.launcher.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small JSON-over-HTTP client for the demo loader: java.net.http and Jackson. Request bodies are written
 * the same way on every run (ordered maps, plain decimals), because the command service fingerprints a request
 * with its idempotency key and refuses the same key with a different body.
 */
final class JsonHttp {

    static final JsonMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final int ATTEMPTS = 3;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    /** @param authorization the {@code Authorization} header every request carries */
    JsonHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = authorization;
    }

    record Answer(int status, JsonNode body, String raw, boolean replayed) {
        boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * POSTs a JSON body with an {@code Idempotency-Key} (if not null). A failure to connect or read the answer is retried (the
     * key makes a retry safe); an answer of any status is returned as it is.
     */
    Answer post(String path, Object body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        HttpRequest request = builder.build();
        IOException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return answer(client.send(request, HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                failure = e;
                Thread.sleep(500L * attempt);
            }
        }
        throw failure;
    }

    Answer get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .GET()
                .build();
        return answer(client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    String url(String path) {
        return baseUrl + path;
    }

    private static Answer answer(HttpResponse<String> response) {
        String raw = response.body() == null ? "" : response.body();
        JsonNode json;
        try {
            json = raw.isBlank() ? MissingNode.getInstance() : JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            json = MissingNode.getInstance();
        }
        boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase)
                .orElse(false);
        return new Answer(response.statusCode(), json, raw, replayed);
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
