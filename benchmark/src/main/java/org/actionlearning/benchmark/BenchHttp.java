package org.actionlearning.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.actionlearning.testsupport.TestTokens;

/**
 * Every HTTP call of the benchmark goes through here, so that credentials come from one place. By default a bearer
 * token of an operator (ADMIN:*), signed with the key the benchmark gives the services and renewed before it
 * expires; the system property {@code bench.authorization} (e.g. {@code "Basic ..."}) replaces it. A set's
 * confidential detail is asked for as its facilitator ({@link #getAsFacilitator}).
 */
public final class BenchHttp {

    private static final String AUTHORIZATION = System.getProperty("bench.authorization", "");
    private static final long RENEW_AFTER_NANOS = 10L * 60 * 1_000_000_000;
    private volatile String operatorToken;
    private volatile long operatorTokenMinted;
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

    /** As the facilitator of the set: who may read its fairness audit. */
    public Answer getAsFacilitator(String url, UUID setId) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization",
                "Bearer " + TestTokens.token("bench-facilitator", null, "FACILITATOR:" + setId)).GET().build());
    }

    public Answer postJson(String url, String json) {
        return send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", AUTHORIZATION.isBlank() ? "Bearer " + operatorToken() : AUTHORIZATION);
    }

    private String operatorToken() {
        long now = System.nanoTime();
        if (operatorToken == null || now - operatorTokenMinted > RENEW_AFTER_NANOS) {
            operatorToken = TestTokens.token("bench-operator", null, "ADMIN:*");
            operatorTokenMinted = now;
        }
        return operatorToken;
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
