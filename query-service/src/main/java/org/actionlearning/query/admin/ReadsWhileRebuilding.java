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

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta http-equiv="refresh" content="5"/><title>Figures being rebuilt</title></head>
            <body><main><h1>Figures being rebuilt</h1>
            <p role="status">The figures are being rebuilt from the recorded events (%d of %d replayed). Nothing is
            lost; this page reloads itself in a few seconds.</p></main></body></html>
            """;

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
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            // a page: a person reads it, so a page that says what happens and reloads itself
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(PAGE.formatted(status.recordsReplayed(), status.recordsToReplay()));
            return;
        }
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Read models rebuilding",
                "the read models are being rebuilt from the events topic (%d of %d records replayed): try again shortly"
                        .formatted(status.recordsReplayed(), status.recordsToReplay()), List.of());
        problem.setProperty("unavailable", "read models");
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
