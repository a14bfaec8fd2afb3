package org.actionlearning.query.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.actionlearning.query.web.PastViewResolver;

/**
 * An instant as a page's form sends it: an ISO instant, a date and time as the pages print them ("2026-03-26
 * 09:00:00", "UTC" after it or not; no zone is UTC; with or without seconds, or a T for the space) or a date (its
 * start, UTC); blank is none. Anything else is a 400 error page naming the field.
 */
final class PageInstant {

    private PageInstant() {
    }

    static Instant parse(String name, String value) {
        return PastViewResolver.instant(name, value, null);
    }

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The value of a date-time input, as the pages print instants (UTC, to the second): 2026-03-26 09:00:00. */
    static String inputValue(Instant instant) {
        return instant == null ? "" : INPUT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
