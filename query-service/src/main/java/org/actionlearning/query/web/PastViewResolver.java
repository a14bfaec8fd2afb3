package org.actionlearning.query.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.actionlearning.query.read.PastView;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The view of every read, API and page alike, from its {@code asOf} and {@code recordedBy} parameters: a handler takes
 * a {@link PastView} argument instead of parsing both itself. {@code asOf} is an ISO date, default today (UTC, by the
 * injected clock); {@code recordedBy} an ISO instant, a browser's date-time value (read as UTC) or a date (its start,
 * UTC), default none (now). A value that does not parse is a 400 naming the parameter (the type-mismatch answers of
 * the API and of the pages); one outside the years the read models hold is a 400 from {@link TimeParameters}.
 */
@Component
public class PastViewResolver implements HandlerMethodArgumentResolver {

    public static final String AS_OF = "asOf";
    public static final String RECORDED_BY = "recordedBy";

    private final Clock clock;

    PastViewResolver(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return PastView.class.equals(parameter.getParameterType());
    }

    @Override
    public PastView resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                    NativeWebRequest request, WebDataBinderFactory binders) {
        return view(single(AS_OF, request.getParameterValues(AS_OF)),
                single(RECORDED_BY, request.getParameterValues(RECORDED_BY)), parameter);
    }

    /** A parameter's one value (null if absent); given more than once it is a 400 naming it, pages included. */
    public static String single(String name, String[] values) {
        if (values != null && values.length > 1) {
            throw new InvalidParameter(name, TimeParameters.REPEATED);
        }
        return values == null ? null : values[0];
    }

    PastView view(String asOf, String recordedBy, MethodParameter parameter) {
        LocalDate date = date(AS_OF, asOf, parameter);
        return new PastView(date != null ? date : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                instant(RECORDED_BY, recordedBy, parameter));
    }

    private static LocalDate date(String name, String value, MethodParameter parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new MethodArgumentTypeMismatchException(value, LocalDate.class, name, parameter, e);
        }
        String problem = TimeParameters.dateProblem(date);
        if (problem != null) {
            throw new InvalidParameter(name, problem);
        }
        return date;
    }

    /**
     * An instant as the API and the pages' forms send it: ISO (with Z or an offset), a date-time without zone (UTC,
     * with or without seconds) or a date (its start, UTC); blank is none. Pages use it for their other instants too.
     */
    public static Instant instant(String name, String value, MethodParameter parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = parseInstant(value.strip());
        if (instant == null) {
            throw new MethodArgumentTypeMismatchException(value, Instant.class, name, parameter, null);
        }
        String problem = TimeParameters.instantProblem(instant);
        if (problem != null) {
            throw new InvalidParameter(name, problem);
        }
        return instant;
    }

    /** The forms {@link #instant} reads, also the one pages print ("2026-03-20 09:30:00 UTC"); null if none. */
    static Instant parseInstant(String value) {
        String text = value.replaceFirst("\\s*UTC$", "").replaceFirst("^(\\S+)\\s+(\\S+)$", "$1T$2");
        try {
            // Instant first: it reads years an offset date-time cannot (down to -1000000000), which are then refused
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            // an offset other than Z
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnOffsetDateTime) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADateTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    return null;
                }
            }
        }
    }
}
