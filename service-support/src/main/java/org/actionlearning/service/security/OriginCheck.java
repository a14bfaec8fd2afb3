package org.actionlearning.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request that a browser sent from another site: the API keeps no session, but a browser
 * may still attach credentials on its own (HTTP Basic it remembers), so a page elsewhere could make it post a
 * command (a form post needs no CORS preflight). A request with an {@code Origin} passes when that origin is this
 * service's own or one the CORS configuration allows (the meeting console on the query service's origin);
 * without an {@code Origin}, only a {@code Sec-Fetch-Site} that says another site is refused: clients that are not
 * browsers (scripts, services, tests with a bearer token) send neither header and pass. 403 as problem+json.
 */
public final class OriginCheck extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");

    private final CorsConfigurationSource cors;

    /** @param cors the allowed cross-origin callers; null: this service's own origin only */
    public OriginCheck(CorsConfigurationSource cors) {
        this.cors = cors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = SAFE_METHODS.contains(request.getMethod()) ? null : refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
        } else {
            SecurityProblems.write(response, SecurityProblems.forbidden(refusal));
        }
    }

    /** Why the request is refused, or null if it may go on. */
    private String refusal(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            String site = request.getHeader("Sec-Fetch-Site");
            return site == null || SAME_SITE_FETCHES.contains(site.toLowerCase(Locale.ROOT)) ? null
                    : "a browser sent this request from another site (Sec-Fetch-Site: " + site + ")";
        }
        if (sameOrigin(origin, request) || allowed(origin, request)) {
            return null;
        }
        return "requests that change something are taken from this service's own origin and the allowed origins "
                + "only, not from " + origin;
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            return uri.getScheme() != null && uri.getHost() != null
                    && uri.getScheme().equalsIgnoreCase(request.getScheme())
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port(uri) == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false; // "null" (a sandboxed page, a file) or nonsense: not this origin
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private boolean allowed(String origin, HttpServletRequest request) {
        if (cors == null) {
            return false;
        }
        CorsConfiguration configuration = cors.getCorsConfiguration(request);
        return configuration != null && configuration.checkOrigin(origin) != null;
    }
}
