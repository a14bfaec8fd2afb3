package org.actionlearning.query.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.actionlearning.service.security.CallerAuthentication;
import org.actionlearning.service.security.JwtCallers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page session keeps the bearer token of its sign-in and hands it to the pages' scripts, which send it to the
 * command API. The session lives as long as it is used; the token has a fixed lifetime. So once a quarter of the
 * token's lifetime has passed, a page request renews it through the command service's renewal, which reads the
 * account afresh (disabled, password changed, grants taken, signed in too long ago). A refused renewal, or a token
 * past use, ends the page session: the user signs in again, told why, rather than holding a page that cannot record.
 */
final class PageTokenRenewal extends OncePerRequestFilter {

    /** Where a page session ended with its token is sent: the sign-in form, saying why. */
    static final String SIGNED_OUT_PAGE = "/login?expired";

    private static final Logger LOG = LoggerFactory.getLogger(PageTokenRenewal.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JwtCallers jwt;
    private final JwtDecoder decoder;
    private final URI renewal;

    PageTokenRenewal(JwtCallers jwt, JwtDecoder decoder) {
        this.jwt = jwt;
        this.decoder = decoder;
        this.renewal = URI.create(jwt.properties().identityUrl().replaceAll("/+$", "") + "/api/auth/token/renew");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Object held = session == null ? null
                : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (jwt.properties().issuesOwnTokens() && held instanceof SecurityContext context
                && context.getAuthentication() instanceof CallerAuthentication caller
                && caller.bearerToken().isPresent()) {
            Outcome outcome = renewIfDue(caller.bearerToken().get());
            if (outcome.ended()) {
                SecurityContextHolder.clearContext();
                session.invalidate();
                response.sendRedirect(request.getContextPath() + SIGNED_OUT_PAGE);
                return;
            }
            if (outcome.renewed() != null) {
                outcome.renewed().setDetails(caller.getDetails());
                SecurityContext fresh = SecurityContextHolder.createEmptyContext();
                fresh.setAuthentication(outcome.renewed());
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, fresh);
                if (SecurityContextHolder.getContext().getAuthentication() == caller) {
                    SecurityContextHolder.setContext(fresh);
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** What became of the session's token: kept, renewed ({@code renewed} set), or past use ({@code ended}). */
    private record Outcome(boolean ended, CallerAuthentication renewed) {
        static final Outcome KEPT = new Outcome(false, null);
        static final Outcome ENDED = new Outcome(true, null);
    }

    private Outcome renewIfDue(String token) {
        Jwt current;
        try {
            current = decoder.decode(token);
        } catch (JwtException expired) {
            return Outcome.ENDED; // past its expiry: no renewal takes it
        }
        Instant issued = current.getIssuedAt();
        Instant expires = current.getExpiresAt();
        if (issued == null || expires == null
                || Instant.now().isBefore(issued.plus(Duration.between(issued, expires).dividedBy(4)))) {
            return Outcome.KEPT;
        }
        HttpRequest request = HttpRequest.newBuilder(renewal).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 401 || answer.statusCode() == 403) {
                return Outcome.ENDED; // disabled, password changed, or signed in too long ago: sign in again
            }
            if (answer.statusCode() != 200) {
                LOG.warn("renewing a page session's token: the command service answered {}", answer.statusCode());
                return Outcome.KEPT;
            }
            Jwt renewed = decoder.decode(JSON.readTree(answer.body()).path("access_token").asText());
            return new Outcome(false, new CallerAuthentication(jwt.caller(renewed), renewed.getTokenValue(),
                    renewed.getIssuedAt()));
        } catch (IOException | JwtException e) {
            // the command service is away for now: the token still serves until it expires
            LOG.warn("renewing a page session's token: {}", e.toString());
            return Outcome.KEPT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.KEPT;
        }
    }
}
