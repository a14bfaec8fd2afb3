package org.actionlearning.query.personaldata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the read side gets sealed names and texts opened: the command service, which holds the keys.
 *
 * @param vaultUrl           base URL of the command service
 * @param authorization      the {@code Authorization} header value for the call, if the command service wants one
 *                           (a bean of {@link VaultAuthorization} may supply it instead)
 * @param connectTimeout     how long to wait for a connection before showing personal data as unavailable
 * @param readTimeout        how long to wait for the answer before showing personal data as unavailable
 * @param maxConcurrentCalls the bulkhead: calls to the vault at once; a read beyond them shows personal data as
 *                           unavailable at once instead of queueing behind a slow vault
 * @param slowCall           a call taking longer counts as slow for the circuit breaker
 * @param minimumCalls       the circuit breaker judges the failure and slow-call rates (50% each) over the last
 *                           20 calls once it has seen this many
 * @param openFor            how long the circuit stays open (no calls, personal data unavailable) before it lets a
 *                           few calls try again
 */
@ConfigurationProperties("als.personal-data")
public record PersonalDataProperties(@DefaultValue("http://localhost:8081") String vaultUrl,
                                     String authorization,
                                     @DefaultValue("PT2S") Duration connectTimeout,
                                     @DefaultValue("PT5S") Duration readTimeout,
                                     @DefaultValue("10") int maxConcurrentCalls,
                                     @DefaultValue("PT2S") Duration slowCall,
                                     @DefaultValue("10") int minimumCalls,
                                     @DefaultValue("PT30S") Duration openFor) {

    @ConstructorBinding
    public PersonalDataProperties {
        if (maxConcurrentCalls < 1 || minimumCalls < 1) {
            throw new IllegalArgumentException(
                    "als.personal-data.max-concurrent-calls and minimum-calls must be at least 1");
        }
    }

    /** The defaults of the circuit breaker and bulkhead. */
    public PersonalDataProperties(String vaultUrl, String authorization, Duration connectTimeout,
                                  Duration readTimeout) {
        this(vaultUrl, authorization, connectTimeout, readTimeout, 10, Duration.ofSeconds(2), 10,
                Duration.ofSeconds(30));
    }
}
