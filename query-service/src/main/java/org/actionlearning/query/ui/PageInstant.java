package org.actionlearning.query.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.actionlearning.query.web.PastViewResolver;

/**
 * An instant as a page's form sends it: an ISO instant, a browser's date-time input (no zone, read as UTC, with or
 * without seconds) or a date (its start, UTC); blank is none. Anything else is a 400 error page naming the field.
 */
final class PageInstant {

    private PageInstant() {
    }

    static Instant parse(String name, String value) {
        return PastViewResolver.instant(name, value, null);
    }

    /** The value of a date-time input (UTC, to the second). */
    static String inputValue(Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
