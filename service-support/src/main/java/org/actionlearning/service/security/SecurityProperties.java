package org.actionlearning.service.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How callers prove who they are. Embedded default: the command service keeps the users and signs tokens with
 * {@code jwt-secret} (HMAC), which the query service shares. Production: {@code issuer-uri} names an OAuth2/OIDC
 * provider whose tokens both services accept (audience checked); the grants travel in {@code grants-claim}.
 *
 * @param jwtSecret   HMAC key (at least 32 bytes) for tokens issued by the built-in identity store
 * @param issuerUri   OIDC issuer whose JWTs are accepted instead (its keys found through discovery)
 * @param audience    the audience a token must name
 * @param grantsClaim the claim holding the grants as {@code ROLE:scope} strings
 * @param personClaim the claim holding the person id of a user who takes part in sets
 * @param tokenTtl    lifetime of tokens issued by the built-in identity store
 * @param identityUrl where the query service checks a user's password (the command service's token endpoint)
 * @param servicePassword password of the built-in {@code service} user the services call each other with
 */
@ConfigurationProperties("als.security")
public record SecurityProperties(String jwtSecret, String issuerUri, String audience, String grantsClaim,
                                 String personClaim, Duration tokenTtl, String identityUrl, String servicePassword) {

    public SecurityProperties {
        jwtSecret = blankToNull(jwtSecret);
        issuerUri = blankToNull(issuerUri);
        servicePassword = blankToNull(servicePassword);
        audience = audience == null ? "als-platform" : audience;
        grantsClaim = grantsClaim == null ? "als_grants" : grantsClaim;
        personClaim = personClaim == null ? "als_person" : personClaim;
        tokenTtl = tokenTtl == null ? Duration.ofHours(1) : tokenTtl;
        identityUrl = identityUrl == null ? "http://localhost:8081" : identityUrl;
    }

    public boolean issuesOwnTokens() {
        return jwtSecret != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value; // an unset environment variable arrives as ""
    }
}
