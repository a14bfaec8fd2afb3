package org.actionlearning.query.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.TestIdentity;
import org.actionlearning.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a browser can be made to do with the query service: no Basic challenge that would make it remember a
 * password, no state change sent from another site, a Content-Security-Policy on the pages, and downloads that take
 * a bearer token and answer errors as problem+json.
 */
class BrowserSideTest extends QueryServiceTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPLAY = "/api/admin/dead-letters/replay";

    private String operator;

    @BeforeEach
    void tokens() {
        operator = "Bearer " + TestTokens.token("operator", null, "ADMIN:*");
    }

    @Test
    void aRequestWithoutCredentialsIsChallengedForABearerTokenOnlyNeverForBasic() throws Exception {
        for (String path : List.of("/api/programmes", "/programmes/" + UUID.randomUUID() + "/roi/costs.csv")) {
            HttpResponse<String> response = send(request(path).GET());

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate")).as(path)
                    .isNotEmpty().allSatisfy(challenge -> assertThat(challenge).doesNotStartWithIgnoringCase("Basic"));
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValue("application/problem+json");
        }
    }

    @Test
    void aStateChangeFromAnotherOriginIsRefusedWithAProblem() throws Exception {
        HttpResponse<String> forged = send(request(REPLAY).header("Authorization", operator)
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(forged.body()).get("detail").asText()).contains("http://evil.example");
    }

    @Test
    void aFormPostWithRememberedBasicCredentialsFromAnotherSiteIsRefused() throws Exception {
        HttpResponse<String> forged = send(request(REPLAY)
                .header("Authorization", TestIdentity.basic(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("x=1")));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theSameOriginAndClientsWithoutAnOriginPass() throws Exception {
        HttpResponse<String> sameOrigin = send(request(REPLAY).header("Authorization", operator)
                .header("Origin", "http://localhost:" + port).POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> script = send(request(REPLAY).header("Authorization", operator)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(sameOrigin.statusCode()).isEqualTo(202);
        assertThat(script.statusCode()).isEqualTo(202);
    }

    @Test
    void thePagesCarryAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> login = send(request("/login").GET());

        assertThat(login.statusCode()).isEqualTo(200);
        String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "object-src 'none'", "frame-ancestors 'none'", "connect-src 'self' http://localhost:8081");
        assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");

        // Swagger UI sets an inline style of its own: allowed there, scripts as strict as everywhere
        String swagger = send(request("/swagger-ui/index.html").GET()).headers()
                .firstValue("Content-Security-Policy").orElseThrow();
        assertThat(swagger).contains("script-src 'self';", "style-src 'self' 'unsafe-inline'")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void theDownloadsTakeABearerToken() throws Exception {
        UUID programme = programme();

        HttpResponse<String> csv = send(request("/programmes/" + programme + "/roi/costs.csv")
                .header("Authorization", operator).GET());
        HttpResponse<byte[]> pdf = CLIENT.send(request("/programmes/" + programme + "/roi.pdf")
                .header("Authorization", operator).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.body()).startsWith("category,amount");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void theDownloadsAnswerErrorsAsProblems() throws Exception {
        UUID programme = programme();
        // another programme's sponsor in the same organisation: refused (403); an outsider would be told 404
        String otherSponsor = "Bearer " + TestTokens.token("sponsor", null, "SPONSOR:" + programme());
        UUID unknown = UUID.randomUUID();

        HttpResponse<String> forbidden = send(request("/programmes/" + programme + "/roi.pdf")
                .header("Authorization", otherSponsor).header("Accept", "text/html").GET());
        HttpResponse<String> missing = send(request("/programmes/" + unknown + "/roi/summary.csv")
                .header("Authorization", operator).GET());
        HttpResponse<String> badToken = send(request("/programmes/" + programme + "/roi/summary.csv")
                .header("Authorization", "Bearer not-a-token").GET());

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(forbidden.body()).get("detail").asText()).contains("SPONSOR of the programme");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode notFound = JSON.readTree(missing.body());
        assertThat(notFound.at("/errors/0/field").asText()).isEqualTo("programmeId");
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(badToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private UUID programme() {
        ProgrammeRows rows = new ProgrammeRows(db, "Exports");
        rows.set("Set", List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        return rows.programme;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
