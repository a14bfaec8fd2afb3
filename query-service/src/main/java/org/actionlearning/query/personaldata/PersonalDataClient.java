package org.actionlearning.query.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.actionlearning.events.personaldata.SealedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The read side's only call to the command service: opens the sealed values of one answer in one request (the
 * keys stay with the command service). Values that are not sealed pass through without a call. If the vault cannot
 * be reached, the sealed values show as unavailable: a page degrades, it does not fail.
 */
@Component
public class PersonalDataClient {

    static final String UNSEAL_PATH = "/api/internal/personal-data/unseal";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataClient.class);

    private final RestClient http;
    private final VaultAuthorization authorization;

    public PersonalDataClient(PersonalDataProperties properties, VaultAuthorization authorization) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.connectTimeout());
        requests.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().baseUrl(properties.vaultUrl()).requestFactory(requests).build();
        this.authorization = authorization;
    }

    public Revealed reveal(Collection<String> stored) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String value : stored) {
            if (SealedText.isSealed(value)) {
                tokens.add(value);
            }
        }
        if (tokens.isEmpty()) {
            return Revealed.NOTHING;
        }
        try {
            JsonNode answer = http.post().uri(UNSEAL_PATH)
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(headers -> authorization.header()
                            .ifPresent(value -> headers.set(HttpHeaders.AUTHORIZATION, value)))
                    .body(Map.of("tokens", List.copyOf(tokens)))
                    .retrieve()
                    .body(JsonNode.class);
            Map<String, String> plaintexts = new HashMap<>();
            JsonNode values = answer == null ? null : answer.get("values");
            for (String token : tokens) {
                JsonNode value = values == null ? null : values.get(token);
                if (value != null && value.isTextual()) {
                    plaintexts.put(token, value.asText());
                }
            }
            return new Revealed(plaintexts, Set.of());
        } catch (RestClientException e) {
            // the exception names the URL and status only; never log the tokens or their texts
            log.warn("Personal data unavailable: the vault did not answer ({})", e.getClass().getSimpleName());
            return new Revealed(Map.of(), tokens);
        }
    }
}
