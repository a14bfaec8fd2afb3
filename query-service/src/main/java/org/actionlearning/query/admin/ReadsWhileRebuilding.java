package org.actionlearning.query.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.actionlearning.projection.ProjectionConsumer;
import org.actionlearning.projection.RebuildStatus;
import org.actionlearning.service.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a rebuild empties and refills the read models (also one resumed after a restart), reads of them answer 503
 * problem+json with Retry-After rather than 404s and empty lists from half-filled tables. Registered after the
 * security chain, so callers without access still get 401/403; operators' endpoints and sign-in stay open.
 */
@Component
public class ReadsWhileRebuilding extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";
    /** The read API and the pages that show read models. */
    private static final List<String> READ_PATHS = List.of("/api/", "/programmes/", "/sets/", "/me/",
            "/facilitation", "/admin/programmes/", "/admin/sets/");

    private final ProjectionConsumer consumer;
    private final ObjectMapper json;

    public ReadsWhileRebuilding(ProjectionConsumer consumer, ObjectMapper json) {
        this.consumer = consumer;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/admin/")) {
            return true;
        }
        return !path.equals("/") && READ_PATHS.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RebuildStatus status = consumer.rebuildStatus();
        if (!status.rebuilding()) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Read models rebuilding",
                "the read models are being rebuilt from the events topic (%d of %d records replayed): try again shortly"
                        .formatted(status.recordsReplayed(), status.recordsToReplay()), List.of());
        problem.setProperty("unavailable", "read models");
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
