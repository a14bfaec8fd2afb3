package org.actionlearning.query.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.actionlearning.service.Problems;
import org.actionlearning.service.security.SecurityProblems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The time parameters of every read (API, pages, exports) within the years the read models can hold: a date or an
 * instant far outside them reached PostgreSQL or the date arithmetic and came back as a 500. A value that does not
 * parse is left to the handler, which names it as well. A time parameter given more than once is refused too.
 */
@Component
class TimeParameters extends OncePerRequestFilter {

    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2200, 12, 31);
    private static final Instant FIRST_INSTANT = Instant.EPOCH;
    private static final Instant LAST_INSTANT = Instant.parse("2200-12-31T23:59:59Z");

    /**
     * A time parameter given twice ({@code ?asOf=2026-01-01&asOf=2025-01-01}) was read as its first value, silently:
     * the reader could not tell which view they got. Refused by name instead, here for the API and by the pages'
     * handlers ({@link PastViewResolver#single}).
     */
    static final String REPEATED = "is given more than once; give it once";

    /** Parameter name → whether it is an instant (else a date). */
    private static final Map<String, Boolean> PARAMETERS = Map.of("asOf", false, "recordedBy", true, "from", true,
            "to", true, "since", true);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (askedByABrowserForAPage(request)) {
            // the page's handler checks the same bounds (PastViewResolver) and answers with an error page
            chain.doFilter(request, response);
            return;
        }
        for (var parameter : PARAMETERS.entrySet()) {
            String[] values = request.getParameterValues(parameter.getKey());
            String value = values == null ? null : values[0];
            String problem = values != null && values.length > 1 ? REPEATED
                    : value == null || value.isBlank() ? null
                    : parameter.getValue() ? instantProblem(value) : dateProblem(value);
            if (problem != null) {
                SecurityProblems.write(response, Problems.problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                        parameter.getKey(), problem));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean askedByABrowserForAPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html");
    }

    private static String dateProblem(String value) {
        try {
            return dateProblem(LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String instantProblem(String value) {
        Instant instant = PastViewResolver.parseInstant(value.strip());
        return instant == null ? null : instantProblem(instant);
    }

    /** Why a date is outside the years the read models hold, or null if it is within them. */
    static String dateProblem(LocalDate date) {
        return date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)
                ? "must be a date between " + FIRST_DAY + " and " + LAST_DAY : null;
    }

    /** Why an instant is outside the years the read models hold, or null if it is within them. */
    static String instantProblem(Instant instant) {
        return instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)
                ? "must be an instant between " + FIRST_INSTANT + " and " + LAST_INSTANT : null;
    }
}
