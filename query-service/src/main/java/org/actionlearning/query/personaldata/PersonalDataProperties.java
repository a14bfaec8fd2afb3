package org.actionlearning.query.personaldata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the read side gets sealed names and texts opened: the command service, which holds the keys.
 *
 * @param vaultUrl       base URL of the command service
 * @param authorization  the {@code Authorization} header value for the call, if the command service wants one
 *                       (a bean of {@link VaultAuthorization} may supply it instead)
 * @param connectTimeout how long to wait for a connection before showing personal data as unavailable
 * @param readTimeout    how long to wait for the answer before showing personal data as unavailable
 */
@ConfigurationProperties("als.personal-data")
public record PersonalDataProperties(@DefaultValue("http://localhost:8081") String vaultUrl,
                                     String authorization,
                                     @DefaultValue("PT2S") Duration connectTimeout,
                                     @DefaultValue("PT5S") Duration readTimeout) {
}
