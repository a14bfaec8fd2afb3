package org.actionlearning.query.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.actionlearning.query.personaldata.PersonalDataProperties;
import org.actionlearning.query.personaldata.VaultAuthorization;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The command service's side of reconciliation: per aggregate, the last sequence stored in the event store and the
 * last published to the topic, from {@code GET /api/internal/aggregate-positions}, page by page in aggregate id
 * order. Same base URL and credentials as the unseal call.
 */
@Component
public class CommandPositions {

    static final String PATH = "/api/internal/aggregate-positions";

    private final RestClient http;
    private final VaultAuthorization authorization;

    public CommandPositions(PersonalDataProperties properties, VaultAuthorization authorization) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.connectTimeout());
        requests.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().baseUrl(properties.vaultUrl()).requestFactory(requests).build();
        this.authorization = authorization;
    }

    /** One aggregate as the command service sees it; {@code published} is -1 when nothing was published. */
    public record Position(String aggregateId, String aggregateType, long stored, long published) {
    }

    /** A page of positions and the aggregate id to ask after for the next one (null on the last page). */
    public record Page(List<Position> positions, String next) {
    }

    /** The page after {@code after} (null: from the first aggregate). */
    public Page page(String after, int limit) {
        JsonNode answer = http.get().uri(uri -> {
                    uri.path(PATH).queryParam("limit", limit);
                    if (after != null) {
                        uri.queryParam("after", after);
                    }
                    return uri.build();
                })
                .headers(headers -> authorization.header()
                        .ifPresent(value -> headers.set(HttpHeaders.AUTHORIZATION, value)))
                .retrieve().body(JsonNode.class);
        List<Position> positions = new ArrayList<>();
        if (answer == null) {
            return new Page(positions, null);
        }
        answer.path("positions").forEach(p -> positions.add(new Position(p.path("aggregateId").asText(),
                p.path("aggregateType").asText(null), p.path("stored").asLong(), p.path("published").asLong(-1))));
        JsonNode next = answer.get("next");
        return new Page(positions, next == null || next.isNull() ? null : next.asText());
    }
}
