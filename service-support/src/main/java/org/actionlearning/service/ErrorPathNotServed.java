package org.actionlearning.service;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.actionlearning.service.security.SecurityProblems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the servlet container forwards a failed request; asked for directly it has no error to
 * report and answered a 500 (status 999). A direct request gets a 404 problem like any path nobody serves; the
 * container's own forwards (error dispatches) are not filtered and still reach it.
 */
public class ErrorPathNotServed extends OncePerRequestFilter {

    static final String ERROR_PATH = "/error";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(ERROR_PATH) || path.startsWith(ERROR_PATH + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityProblems.write(response, Problems.problem(HttpStatus.NOT_FOUND, "Not found", null,
                "nothing is served at " + ERROR_PATH));
    }
}
