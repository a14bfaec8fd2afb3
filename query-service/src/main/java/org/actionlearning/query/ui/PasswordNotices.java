package org.actionlearning.query.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.actionlearning.service.security.CallerAuthentication;
import org.actionlearning.service.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's password notice (set through links, or by their account's creator), read from the command
 * service with the page session's token, for the page every role lands on. Not only members: an administrator may
 * have used a link they issued for a facilitator, sponsor or another administrator too.
 */
@Component
class PasswordNotices {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordNotices.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI notice;
    private final boolean ownTokens;

    PasswordNotices(SecurityProperties security) {
        this.ownTokens = security.issuesOwnTokens();
        this.notice = URI.create(security.identityUrl().replaceAll("/+$", "") + "/api/account/password-notice");
    }

    /** The notice, if the command service has one for the signed-in user; empty too when it cannot be asked now. */
    Optional<String> forCurrentUser() {
        if (!ownTokens || !(SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication c)
                || c.bearerToken().isEmpty()) {
            return Optional.empty(); // an OIDC provider keeps the passwords: nothing to tell here
        }
        HttpRequest request = HttpRequest.newBuilder(notice).timeout(Duration.ofSeconds(3))
                .header("Authorization", "Bearer " + c.bearerToken().get()).GET().build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode text = JSON.readTree(answer.body()).path("notice");
            return text.isTextual() && !text.asText().isBlank() ? Optional.of(text.asText()) : Optional.empty();
        } catch (IOException e) {
            LOG.warn("reading the password notice: {}", e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
