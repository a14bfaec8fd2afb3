package org.actionlearning.query.web;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.query.read.UnknownResource;
import org.actionlearning.service.Problems;
import org.actionlearning.service.security.SecurityProblems;
import org.actionlearning.service.web.RepeatedFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the query API as RFC 9457 problem+json: 404 naming the parameter for an unknown programme, set or
 * metric; 400 naming the parameter for a malformed id, date or status value; Spring MVC's own errors (unknown path,
 * wrong method) as problem details too. The read database unavailable (no connection in time, a lost connection)
 * is a 503 with Retry-After; other unexpected failures are a 500 without internals.
 */
@RestControllerAdvice
public class QueryProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryProblemAdvice.class);

    @ExceptionHandler(UnknownResource.class)
    ResponseEntity<Object> unknown(UnknownResource e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.field(), e.getMessage());
    }

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<Object> invalid(InvalidParameter e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.field(), e.getMessage());
    }

    /** The caller's grants do not cover the request: 403 saying which grant would. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> notPermitted(AccessDeniedException e) {
        return Problems.response(SecurityProblems.forbidden(e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseUnavailable.causedIt(e)) {
            log.warn("Read database unavailable: {}", e.toString());
            ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Read database unavailable", null,
                    "the read database did not answer in time: try again shortly");
            problem.setProperty("unavailable", "read database");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS).body(problem);
        }
        log.error("Unexpected failure answering a query", e);
        return Problems.response(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", null,
                "the query could not be answered"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", field,
                expectation(e.getRequiredType()) + ", was '" + e.getValue() + "'");
    }

    /** A body giving a field twice: the rule of both services (the command side's bodies are where it bites). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        var repeated = RepeatedFields.of(e.getCause());
        if (repeated.isPresent()) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed request", repeated.get().field(),
                    repeated.get().message());
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    /** Spring MVC's own problems (404 for an unknown path, 405, ...) keep their body but always as problem+json. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response == null || !(response.getBody() instanceof ProblemDetail)) {
            return response;
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(response.getHeaders());
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(response.getBody(), problemHeaders, response.getStatusCode());
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String field, String message) {
        return Problems.response(Problems.problem(status, title, field, message));
    }

    private static String expectation(Class<?> type) {
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == LocalDate.class) {
            return "must be an ISO date (yyyy-MM-dd)";
        }
        return "has an invalid value";
    }
}
