package org.actionlearning.query.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.actionlearning.query.personaldata.VaultAuthorization;
import org.actionlearning.query.projection.SetGrantsTaken;
import org.actionlearning.service.security.CallerAuthentication;
import org.actionlearning.service.security.Grant;
import org.actionlearning.service.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The users the built-in identity store has disabled, and per user the instant before which their tokens are
 * refused (the last disable, which outlives a re-enable): this service checks tokens itself and keeps the pages'
 * sessions, so it asks the identity store (as the platform's service user) which users to refuse, at most every
 * few seconds; and the grants taken from each user since (a token issued before no longer counts them). If the store
 * cannot be asked, the last answer stands. With an OIDC provider disabling a user is
 * the provider's business: nobody is listed.
 */
@Component
public class DisabledUsers {

    private static final Logger log = LoggerFactory.getLogger(DisabledUsers.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;
    private final Optional<String> authorization;
    private final boolean ownIdentityStore;
    private volatile Set<String> disabled = Set.of();
    private volatile Map<String, Instant> tokensNotBefore = Map.of();
    private volatile Map<String, Map<Grant, Instant>> revokedGrants = Map.of();
    private volatile Instant askedAt = Instant.MIN;

    DisabledUsers(SecurityProperties security, VaultAuthorization serviceCredentials) {
        this.endpoint = URI.create(security.identityUrl().replaceAll("/+$", "") + "/api/auth/disabled");
        this.authorization = serviceCredentials.header();
        this.ownIdentityStore = security.issuesOwnTokens();
    }

    public boolean isDisabled(String username) {
        if (!ownIdentityStore || authorization.isEmpty()) {
            return false;
        }
        if (Instant.now().isAfter(askedAt.plus(REFRESH))) {
            refresh();
        }
        return disabled.contains(username);
    }

    /**
     * Whether the caller's token (or the page session signed in with it) was issued before the user's last disable:
     * enabling a user again does not bring back what they held before.
     */
    public boolean isRevoked(CallerAuthentication caller) {
        if (!ownIdentityStore || authorization.isEmpty()) {
            return false;
        }
        if (Instant.now().isAfter(askedAt.plus(REFRESH))) {
            refresh();
        }
        return caller.issuedBefore(tokensNotBefore.get(caller.getName()));
    }

    /**
     * The caller without the grants taken from their account after their token (or the page session's) was issued:
     * a replaced facilitator's token still names the set's grant, and must no longer open it.
     */
    public CallerAuthentication withoutRevoked(CallerAuthentication caller) {
        if (!ownIdentityStore || authorization.isEmpty() || caller.issuedAt().isEmpty()) {
            return caller;
        }
        if (Instant.now().isAfter(askedAt.plus(REFRESH))) {
            refresh();
        }
        return caller.withoutRevoked(revokedGrants.get(caller.getName()));
    }

    /**
     * Grants were taken (a set's facilitator changed, seen by the projection): the next request asks the identity
     * store afresh, which revoked them in the transaction of the change, rather than within the next few seconds.
     */
    @EventListener(SetGrantsTaken.class)
    public void grantsChanged() {
        askedAt = Instant.MIN;
    }

    private synchronized void refresh() {
        if (!Instant.now().isAfter(askedAt.plus(REFRESH))) {
            return; // another request asked meanwhile
        }
        askedAt = Instant.now();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(3))
                    .header("Authorization", authorization.get()).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("The identity store answered {} for the disabled users", response.statusCode());
                return;
            }
            Set<String> usernames = new HashSet<>();
            JsonNode body = JSON.readTree(response.body());
            body.path("usernames").forEach(name -> usernames.add(name.asText()));
            Map<String, Instant> notBefore = new HashMap<>();
            body.path("tokensNotBefore").fields().forEachRemaining(user ->
                    notBefore.put(user.getKey(), Instant.parse(user.getValue().asText())));
            Map<String, Map<Grant, Instant>> revoked = new HashMap<>();
            body.path("revokedGrants").fields().forEachRemaining(user -> {
                Map<Grant, Instant> grants = new HashMap<>();
                user.getValue().fields().forEachRemaining(grant -> {
                    try {
                        grants.put(Grant.parse(grant.getKey()), Instant.parse(grant.getValue().asText()));
                    } catch (IllegalArgumentException e) {
                        // a role this version does not know: no token of it gives any permission here anyway
                    }
                });
                revoked.put(user.getKey(), Map.copyOf(grants));
            });
            disabled = Set.copyOf(usernames);
            tokensNotBefore = Map.copyOf(notBefore);
            revokedGrants = Map.copyOf(revoked);
        } catch (IOException e) {
            log.warn("Could not ask the identity store for the disabled users: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
