package org.actionlearning.query.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/** The as-of date of a query: the one given, else today in UTC by the injected clock. */
@Component
class AsOf {

    private final Clock clock;

    AsOf(Clock clock) {
        this.clock = clock;
    }

    LocalDate orToday(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
