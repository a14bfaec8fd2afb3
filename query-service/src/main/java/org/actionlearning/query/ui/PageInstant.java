package org.actionlearning.query.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * An instant as a page's form sends it: an ISO instant, a date and time as the pages print them ("2026-03-26
 * 09:00:00", "UTC" after it or not; no zone is UTC; with or without seconds, or a T for the space) or a date (its
 * start, UTC); blank is none. Anything else is a 400 error page naming the field.
 */
final class PageInstant {

    private PageInstant() {
    }

    static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().replaceFirst("\\s*UTC$", "").replaceFirst("^(\\S+)\\s+(\\S+)$", "$1T$2");
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

    /** The value of a date-time input, as the pages print instants (UTC, to the second): 2026-03-26 09:00:00. */
    static String inputValue(Instant instant) {
        return instant == null ? "" : INPUT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static final java.time.format.DateTimeFormatter INPUT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
}
