package org.actionlearning.query.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
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
 * <p>
 * A slow vault must not slow every read: a bulkhead bounds the calls in flight (a read beyond them degrades at
 * once), and a circuit breaker stops calling a vault that fails or answers slowly for a while. Callers make this
 * call outside their database transactions, so no connection waits on it.
 */
@Component
public class PersonalDataClient {

    static final String UNSEAL_PATH = "/api/internal/personal-data/unseal";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataClient.class);
    /** The circuit breaker judges the failure and slow-call rates over this many last calls. */
    private static final int WINDOW = 20;

    private final RestClient http;
    private final VaultAuthorization authorization;
    private final CircuitBreaker circuit;
    private final Bulkhead bulkhead;

    public PersonalDataClient(PersonalDataProperties properties, VaultAuthorization authorization) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.connectTimeout());
        requests.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().baseUrl(properties.vaultUrl()).requestFactory(requests).build();
        this.authorization = authorization;
        this.circuit = CircuitBreaker.of("vault", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(WINDOW, properties.minimumCalls()))
                .minimumNumberOfCalls(properties.minimumCalls())
                .failureRateThreshold(50)
                .slowCallRateThreshold(50)
                .slowCallDurationThreshold(properties.slowCall())
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        this.circuit.getEventPublisher().onStateTransition(event ->
                log.warn("Personal data vault circuit: {}", event.getStateTransition()));
        this.bulkhead = Bulkhead.of("vault", BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build());
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
            // the bulkhead outside the breaker: a read turned away for want of room is not the vault's failure
            JsonNode answer = bulkhead.executeSupplier(() -> circuit.executeSupplier(() -> unseal(tokens)));
            Map<String, String> plaintexts = new HashMap<>();
            JsonNode values = answer == null ? null : answer.get("values");
            for (String token : tokens) {
                JsonNode value = values == null ? null : values.get(token);
                if (value != null && value.isTextual()) {
                    plaintexts.put(token, value.asText());
                }
            }
            return new Revealed(plaintexts, Set.of());
        } catch (CallNotPermittedException | BulkheadFullException e) {
            log.debug("Personal data unavailable: {}", e.getMessage());
            return new Revealed(Map.of(), tokens);
        } catch (RestClientException e) {
            // the exception names the URL and status only; never log the tokens or their texts
            log.warn("Personal data unavailable: the vault did not answer ({})", e.getClass().getSimpleName());
            return new Revealed(Map.of(), tokens);
        }
    }

    /** The circuit breaker's state (CLOSED, OPEN, HALF_OPEN...), for health and metrics. */
    public CircuitBreaker.State circuitState() {
        return circuit.getState();
    }

    private JsonNode unseal(Set<String> tokens) {
        return http.post().uri(UNSEAL_PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> authorization.header()
                        .ifPresent(value -> headers.set(HttpHeaders.AUTHORIZATION, value)))
                .body(Map.of("tokens", List.copyOf(tokens)))
                .retrieve()
                .body(JsonNode.class);
    }
}
