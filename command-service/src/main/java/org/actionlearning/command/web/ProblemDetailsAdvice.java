package org.actionlearning.command.web;

import org.actionlearning.service.security.SecurityProblems;
import org.springframework.security.access.AccessDeniedException;
import org.actionlearning.service.FieldError;
import org.actionlearning.service.Problems;
import org.actionlearning.service.web.RepeatedFields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.actionlearning.command.domain.DomainException;
import org.actionlearning.command.domain.DomainRuleViolation;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.command.domain.RowsRefused;
import org.actionlearning.command.domain.UnknownEntity;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as problem+json naming the field and the rule: 400 malformed input, 404 unknown ids, 409 broken
 * invariants and concurrent changes. Unexpected failures are a 500 without internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidCommandValue.class)
    ResponseEntity<Object> invalidValue(InvalidCommandValue e) {
        return refused(HttpStatus.BAD_REQUEST, "Invalid value", e);
    }

    @ExceptionHandler(UnknownEntity.class)
    ResponseEntity<Object> unknown(UnknownEntity e) {
        return refused(HttpStatus.NOT_FOUND, "Not found", e);
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<Object> ruleViolation(DomainRuleViolation e) {
        return refused(HttpStatus.CONFLICT, "Rule violated", e);
    }

    /** A batch refused as a whole: every bad row in the errors list, none of the rows stored. */
    @ExceptionHandler(RowsRefused.class)
    ResponseEntity<Object> rowsRefused(RowsRefused e) {
        List<FieldError> errors = e.errors().stream().map(r -> new FieldError(r.field(), r.message())).toList();
        return Problems.response(e.malformed()
                ? Problems.problem(HttpStatus.BAD_REQUEST, "Invalid rows", e.getMessage(), errors)
                : Problems.problem(HttpStatus.CONFLICT, "Rule violated", e.getMessage(), errors));
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrentChange(RuntimeException e) {
        return Problems.response(Problems.problem(HttpStatus.CONFLICT, "Concurrent modification", null,
                "another change to the same resource was stored first; reload and retry"));
    }

    /** The caller's grants do not cover the request: 403 saying which grant would. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> notPermitted(AccessDeniedException e) {
        return Problems.response(SecurityProblems.forbidden(e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return Problems.response(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", null,
                "the request could not be completed; nothing was recorded"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", field,
                expectation(e.getRequiredType()) + ", was '" + e.getValue() + "'"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getCause();
        var repeated = RepeatedFields.of(cause);
        if (repeated.isPresent()) {
            return badBody(repeated.get().field(), repeated.get().message());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return badBody(path(unknown), "is not a field of this request");
        }
        if (cause instanceof BoundedValuesModule.OutOfBounds outOfBounds) {
            return badBody(path(outOfBounds), outOfBounds.getOriginalMessage());
        }
        if (cause instanceof InvalidFormatException invalid) {
            return badBody(path(invalid), invalid.getTargetType() == String.class
                    ? PlainTextModule.RULE : expectation(invalid.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return badBody(path(mismatched), expectation(mismatched.getTargetType()));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return badBody(path(mapping), "has an invalid value");
        }
        if (cause instanceof JsonProcessingException json) {
            return badBody(null, "malformed JSON: " + json.getOriginalMessage());
        }
        return badBody(null, "the request body is missing or is not JSON");
    }

    /** A command the domain refused, with the field it names and its message as the detail. */
    private static ResponseEntity<Object> refused(HttpStatus status, String title, DomainException e) {
        return Problems.response(Problems.problem(status, title, e.field(), e.getMessage()));
    }

    private static ResponseEntity<Object> badBody(String field, String message) {
        return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, "Malformed request", field, message));
    }

    /** The JSON path of the offending field, e.g. {@code target.withinDays} or {@code attendees[2]}. */
    private static String path(JsonMappingException e) {
        String path = RepeatedFields.path(e);
        return path.isEmpty() ? null : path;
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has an invalid value";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == LocalDate.class) {
            return "must be an ISO date (yyyy-MM-dd)";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return "has an invalid value";
    }
}
