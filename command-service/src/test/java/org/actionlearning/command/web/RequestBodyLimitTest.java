package org.actionlearning.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** A body over the limit (1 MB by default) is refused with 413 before it is parsed, with or without a length. */
class RequestBodyLimitTest extends CommandServiceTest {

    private static final int LIMIT = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aDeclaredLengthOverTheLimitIsA413NamingTheBody() throws Exception {
        long before = storedEvents();

        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofByteArray(launch(LIMIT + 1)));

        assertTooLarge(response);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413NamingTheBody() throws Exception {
        byte[] body = launch(LIMIT + 1);

        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body)));

        assertTooLarge(response);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsUsual() throws Exception {
        byte[] body = launch(LIMIT);

        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/programmes"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (TestIdentity.ADMIN + ":" + TestIdentity.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertTooLarge(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("body");
        assertThat(problem.path("errors").get(0).path("message").asText())
                .isEqualTo("larger than the limit of 1048576 bytes");
    }

    /** A valid launch request of exactly {@code size} bytes: JSON padded with spaces before its closing brace. */
    private static byte[] launch(int size) {
        byte[] json = "{\"organisation\":\"Org\",\"name\":\"Limits\",\"sponsor\":\"Sam\",\"startsOn\":\"2026-01-05\",\"currency\":\"GBP\""
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy(json, 0, body, 0, json.length);
        body[size - 1] = '}';
        return body;
    }
}
