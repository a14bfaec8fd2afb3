package org.actionlearning.service.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.actionlearning.service.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, like every other error of the API. */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    // the builder registers the mixin that writes a problem's extra properties at the top level
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    public static ProblemDetail forbidden(String reason) {
        return Problems.problem(HttpStatus.FORBIDDEN, "Not permitted", null, reason);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInThrottled throttled) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            write(response, Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many sign-ins", null,
                    throttled.getMessage()));
            return;
        }
        // a bearer challenge only: a Basic one makes a browser ask for a password and then send it by itself with
        // every request to this origin, cross-site ones included (HTTP Basic is still accepted, just not asked for)
        response.addHeader("WWW-Authenticate", "Bearer realm=\"als\"");
        boolean triedAndFailed = e != null && !(e instanceof InsufficientAuthenticationException);
        write(response, Problems.problem(HttpStatus.UNAUTHORIZED, "Not signed in", null, triedAndFailed
                ? "the credentials were not accepted: " + e.getMessage()
                : "sign in with a bearer token or HTTP Basic credentials"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       org.springframework.security.access.AccessDeniedException e) throws IOException {
        write(response, forbidden(e.getMessage() == null ? "your grants do not cover this" : e.getMessage()));
    }

    /** Writes a problem as the answer, outside Spring MVC (in the security filter chain). */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
