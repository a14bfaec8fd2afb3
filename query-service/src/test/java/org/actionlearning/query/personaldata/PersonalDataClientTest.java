package org.actionlearning.query.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.actionlearning.events.personaldata.SealedText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read side's call to the vault, against a stand-in vault on a local port. */
class PersonalDataClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANN = new SealedText(UUID.randomUUID(), new byte[] {1, 2, 3}).format();
    private static final String ERASED = new SealedText(UUID.randomUUID(), new byte[] {4, 5, 6}).format();

    private HttpServer vault;
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();

    @BeforeEach
    void standInVault() throws IOException {
        vault = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vault.createContext(PersonalDataClient.UNSEAL_PATH, exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            ObjectNode values = JSON.createObjectNode();
            request.get("tokens").forEach(t -> {
                if (t.asText().equals(ANN)) {
                    values.put(ANN, "Ann");
                } else {
                    values.putNull(t.asText());
                }
            });
            byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().set("values", values));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        vault.start();
    }

    @AfterEach
    void stop() {
        vault.stop(0);
    }

    private PersonalDataClient client(String url, Optional<String> authorization) {
        return new PersonalDataClient(new PersonalDataProperties(url, null, Duration.ofSeconds(1),
                Duration.ofSeconds(2)), () -> authorization);
    }

    private String url() {
        return "http://127.0.0.1:" + vault.getAddress().getPort();
    }

    @Test
    void opensTheTokensOfOneAnswerInOneCallAndPassesPlainTextThrough() {
        Revealed revealed = client(url(), Optional.of("Bearer service-token"))
                .reveal(Arrays.asList(ANN, "plain name", ERASED, ANN, null));

        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("tokens")).hasSize(2);
        assertThat(authorizations).containsExactly("Bearer service-token");
        assertThat(revealed.text(ANN)).isEqualTo("Ann");
        assertThat(revealed.text("plain name")).isEqualTo("plain name");
        assertThat(revealed.text(ERASED)).isNull();
        assertThat(revealed.erased(ERASED)).isTrue();
        assertThat(revealed.erased(ANN)).isFalse();
        assertThat(revealed.anyUnavailable()).isFalse();
    }

    @Test
    void plainTextNeedsNoCall() {
        Revealed revealed = client(url(), Optional.empty()).reveal(List.of("Ann", "Ben"));

        assertThat(requests).isEmpty();
        assertThat(revealed.text("Ben")).isEqualTo("Ben");
    }

    @Test
    void anUnreachableVaultMakesSealedValuesUnavailableNotAnError() {
        vault.stop(0);

        Revealed revealed = client(url(), Optional.empty()).reveal(List.of(ANN, "plain"));

        assertThat(revealed.text(ANN)).isNull();
        assertThat(revealed.isUnavailable(ANN)).isTrue();
        assertThat(revealed.erased(ANN)).isFalse();
        assertThat(revealed.anyUnavailable()).isTrue();
        assertThat(revealed.text("plain")).isEqualTo("plain");
    }

    @Test
    void noAuthorizationHeaderUnlessConfigured() {
        client(url(), Optional.empty()).reveal(List.of(ANN));

        assertThat(authorizations).containsExactly((String) null);
    }
}
