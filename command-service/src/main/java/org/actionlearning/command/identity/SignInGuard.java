package org.actionlearning.command.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.service.Problems;
import org.actionlearning.service.security.ForwardedClient;
import org.actionlearning.service.security.SecurityProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the password check of HTTP Basic sign-ins: a password bcrypt cannot take whole is a 400 naming
 * it; an account or client address that failed too often lately is a 429 with {@code Retry-After}, before any
 * password is checked; a sign-in that fails (401) is counted against both, one that succeeds makes its address
 * known to the account.
 */
class SignInGuard extends OncePerRequestFilter {

    static final String FORWARDED_FOR = ForwardedClient.FORWARDED_FOR;

    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();
    private final SignInThrottle throttle;
    private final String servicePassword;

    /** @param servicePassword the platform's service password, whose signature makes X-Forwarded-For believed */
    SignInGuard(SignInThrottle throttle, String servicePassword) {
        this.throttle = throttle;
        this.servicePassword = servicePassword;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<UsernamePasswordAuthenticationToken> signIn = signIn(request);
        if (signIn.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String username = signIn.get().getName();
        String client = client(request);
        try {
            PasswordRules.requireWithinLimit("password", String.valueOf(signIn.get().getCredentials()));
        } catch (InvalidCommandValue e) {
            SecurityProblems.write(response, Problems.problem(HttpStatus.BAD_REQUEST, "Invalid sign-in", e.field(),
                    e.getMessage()));
            return;
        }
        if (PasswordCallers.SERVICE_USER.equals(username)) {
            // the platform's own calls (opening names, reconciliation) sign in as the service user: locking it, or the
            // address it calls from, would let anyone stop them. Its password is a long random secret, not guessable.
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> wait = throttle.refusedFor(username, client);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            SecurityProblems.write(response, Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many sign-ins",
                    null, "too many failed sign-ins for this account or from this address; try again in "
                            + seconds + " s"));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(username, client);
        } else if (response.getStatus() < 400) {
            throttle.succeeded(username, client);
        }
    }

    /**
     * The client's address: the query service's word for it (the last hop, signed with the service password), else
     * the connection's, whatever address the connection comes from.
     */
    String client(HttpServletRequest request) {
        return client(request, servicePassword);
    }

    /** The same, for the other places a password is checked (a change of one's own password). */
    static String client(HttpServletRequest request, String servicePassword) {
        String forwarded = request.getHeader(FORWARDED_FOR);
        if (forwarded == null || forwarded.isBlank()
                || !ForwardedClient.isSigned(servicePassword, forwarded, request.getHeader(ForwardedClient.SIGNATURE))) {
            return request.getRemoteAddr();
        }
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].trim();
    }

    private Optional<UsernamePasswordAuthenticationToken> signIn(HttpServletRequest request) {
        try {
            return Optional.ofNullable(basic.convert(request));
        } catch (AuthenticationException e) {
            return Optional.empty(); // malformed: the Basic filter answers it
        }
    }
}
