package org.actionlearning.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.actionlearning.service.Problems;
import org.actionlearning.service.security.CallerAuthentication;
import org.actionlearning.service.security.SecurityProblems;
import org.actionlearning.service.web.BufferedBodyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes a command with an {@code Idempotency-Key} header take effect once. The key is claimed, the command
 * handled and its 2xx answer stored in ONE database transaction, the same one in which Axon appends the
 * events: a retry (even a concurrent one, which waits on the key's row) gets the stored answer and creates no
 * second event. A 4xx or 5xx is not stored: nothing was recorded, so a retry is handled afresh.
 * The same key with a different request is refused (422).
 * <p>
 * A key belongs to the signed-in caller who sent it (this filter runs after authentication): the same key from
 * another caller is another key, so nobody can replay, probe or squat someone else's. The request's fingerprint
 * is an HMAC with a configured key, not a plain digest that a reader of the table could test guesses against.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RequestFingerprints fingerprints;

    public IdempotencyFilter(JdbcTemplate jdbc, TransactionTemplate transactions, RequestFingerprints fingerprints) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.fingerprints = fingerprints;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null || !request.getRequestURI().startsWith("/api/")
                || !("POST".equals(method) || "DELETE".equals(method) || "PUT".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            SecurityProblems.write(response, Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", HEADER,
                    "must be 1 to " + MAX_KEY_LENGTH + " characters"));
            return;
        }
        Optional<String> caller = signedIn();
        if (caller.isEmpty()) {
            chain.doFilter(request, response); // refused by the security rules; nothing to claim or replay
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprints.of(caller.get(), request.getMethod(), request.getRequestURI(), body);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean[] answered = new boolean[1];
        try {
            transactions.executeWithoutResult(tx -> {
                int claimed = jdbc.update("insert into idempotency_key (caller, idempotency_key, fingerprint)"
                        + " values (?, ?, ?) on conflict (caller, idempotency_key) do nothing", caller.get(), key,
                        fingerprint);
                if (claimed == 0) {
                    replay(caller.get(), key, fingerprint, captured);
                    return;
                }
                handle(new BufferedBodyRequest(request, body), captured, chain);
                answered[0] = true;
                if (captured.getStatus() >= 200 && captured.getStatus() < 300) {
                    jdbc.update("update idempotency_key set status = ?, content_type = ?, location = ?, body = ?"
                                    + " where caller = ? and idempotency_key = ?", captured.getStatus(),
                            captured.getContentType(), captured.getHeader(HttpHeaders.LOCATION),
                            captured.getContentAsByteArray(), caller.get(), key);
                } else {
                    tx.setRollbackOnly();
                }
            });
        } catch (RuntimeException notCommitted) {
            if (!answered[0] || captured.getStatus() / 100 != 2) {
                captured.copyBodyToResponse();
                throw notCommitted;
            }
            // the handler answered but its transaction did not commit (refused at commit, the connection lost):
            // nothing was recorded, so its 2xx must not reach the client; a retry with the same key handles it afresh
            log.warn("{} {}: the command's transaction did not commit ({}); answered 503", request.getMethod(),
                    request.getRequestURI(), notCommitted.toString());
            captured.reset();
            SecurityProblems.write(response, Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Not recorded", null,
                    "the command was not recorded; send it again with the same " + HEADER));
            return;
        }
        captured.copyBodyToResponse();
    }

    private static void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
        try {
            chain.doFilter(request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed-in caller's name; empty for an anonymous request, which the security rules refuse. */
    private static Optional<String> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication c ? Optional.of(c.getPrincipal().username())
                : Optional.empty();
    }

    private void replay(String caller, String key, String fingerprint, HttpServletResponse response) {
        List<StoredAnswer> stored = jdbc.query("select fingerprint, status, content_type, location, body"
                        + " from idempotency_key where caller = ? and idempotency_key = ?",
                (rs, i) -> new StoredAnswer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5)), caller, key);
        StoredAnswer answer = stored.get(0);
        try {
            if (!answer.fingerprint().equals(fingerprint)) {
                SecurityProblems.write(response, Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY,
                        "Idempotency key reused", HEADER, "was already used for a different request"));
                return;
            }
            response.setStatus(answer.status());
            if (answer.contentType() != null) {
                response.setContentType(answer.contentType());
            }
            if (answer.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, answer.location());
            }
            response.setHeader("Idempotent-Replayed", "true");
            if (answer.body() != null) {
                response.getOutputStream().write(answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record StoredAnswer(String fingerprint, int status, String contentType, String location, byte[] body) {
    }
}
