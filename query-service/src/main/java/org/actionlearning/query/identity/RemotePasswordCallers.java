package org.actionlearning.query.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.actionlearning.service.security.CallerAuthentication;
import org.actionlearning.service.security.ForwardedClient;
import org.actionlearning.service.security.JwtCallers;
import org.actionlearning.service.security.ProvenPasswords;
import org.actionlearning.service.security.SignInThrottled;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Passwords (HTTP Basic, the sign-in form) are checked where the users are: the command service's token endpoint.
 * The token it answers with carries the grants and is kept with the session, so the pages can call the command API
 * for the user. A password proven once is remembered for a minute as a salted digest, never in plain, with the token
 * it got: once the identity store lists the account's tokens as refused from before a disable or a password change
 * (read with the disabled users, at most every few seconds), the remembered password is asked afresh, so an old
 * password stops signing in here too.
 */
class RemotePasswordCallers implements AuthenticationProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final JwtCallers jwt;
    private final JwtDecoder decoder;
    private final ProvenPasswords<CallerAuthentication> proven = new ProvenPasswords<>();

    private final DisabledUsers disabled;

    RemotePasswordCallers(JwtCallers jwt, JwtDecoder decoder, DisabledUsers disabled) {
        this.disabled = disabled;
        this.jwt = jwt;
        this.decoder = decoder;
        this.tokenEndpoint = URI.create(jwt.properties().identityUrl().replaceAll("/+$", "") + "/api/auth/token");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        var known = proven.get(username, password);
        if (known.isPresent()) {
            if (disabled.isDisabled(username)) {
                // remembered from before they were disabled: the identity store would refuse them now
                throw new BadCredentialsException("unknown user or wrong password");
            }
            if (!disabled.isRevoked(known.get())) {
                return known.get();
            }
            // remembered with a token from before a disable or a password change: ask the identity store afresh
        }
        String token = exchange(username, password, clientAddress(authentication));
        Jwt decoded = decoder.decode(token);
        CallerAuthentication caller = new CallerAuthentication(jwt.caller(decoded), token, decoded.getIssuedAt());
        Instant until = Instant.now().plus(ProvenPasswords.REMEMBERED);
        proven.remember(username, password, caller,
                decoded.getExpiresAt() != null && decoded.getExpiresAt().isBefore(until) ? decoded.getExpiresAt() : until);
        return caller;
    }

    /** Where the sign-in came from, so the identity store throttles each client, not this service as one. */
    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }

    private String exchange(String username, String password, String client) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody());
        String servicePassword = jwt.properties().servicePassword();
        if (client != null && servicePassword != null) {
            // signed, or the identity store counts the failure against this service's own address
            builder.header(ForwardedClient.FORWARDED_FOR, client)
                    .header(ForwardedClient.SIGNATURE, ForwardedClient.signature(servicePassword, client));
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                throw new BadCredentialsException("unknown user or wrong password");
            }
            if (response.statusCode() == 429) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(60);
                throw new SignInThrottled(Duration.ofSeconds(seconds));
            }
            if (response.statusCode() != 200) {
                throw new AuthenticationServiceException("the identity store answered " + response.statusCode());
            }
            JsonNode body = JSON.readTree(response.body());
            return body.path("access_token").asText();
        } catch (IOException e) {
            throw new AuthenticationServiceException("the identity store at " + tokenEndpoint + " is unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationServiceException("interrupted");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
