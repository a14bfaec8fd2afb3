package org.actionlearning.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Every HTTP call of the benchmark goes through here, so that credentials come from one place: the system
 * property {@code bench.authorization} (e.g. {@code "Basic ..."} or {@code "Bearer ..."}) becomes the
 * {@code Authorization} header of every request when it is set.
 */
public final class BenchHttp {

    private static final String AUTHORIZATION = System.getProperty("bench.authorization", "");
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The answer's status and body. */
    public record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Answer get(String url) {
        return send(request(url).GET().build());
    }

    public Answer postJson(String url, String json) {
        return send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (!AUTHORIZATION.isBlank()) {
            builder.header("Authorization", AUTHORIZATION);
        }
        return builder;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }
}
