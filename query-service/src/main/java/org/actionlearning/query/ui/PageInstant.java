package org.actionlearning.query.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.actionlearning.query.web.TimeParameters;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * An instant as a page's form sends it: an ISO instant, a browser's date-time input (no zone, read as UTC, with or
 * without seconds) or a date (its start, UTC); blank is none. Anything else is a 400 error page naming the field.
 */
final class PageInstant {

    private PageInstant() {
    }

    static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = parsed(name, value);
        // the API's bounds (TimeParameters): a date the filter does not read as an instant is bounded here
        String outOfBounds = TimeParameters.instantProblem(instant);
        if (outOfBounds != null) {
            throw new MethodArgumentTypeMismatchException(value, Instant.class, name, null,
                    new IllegalArgumentException(outOfBounds));
        }
        return instant;
    }

    private static Instant parsed(String name, String value) {
        String text = value.strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADateTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw new MethodArgumentTypeMismatchException(value, Instant.class, name, null, notADate);
                }
            }
        }
    }

    /** The value of a date-time input (UTC, to the second). */
    static String inputValue(Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
