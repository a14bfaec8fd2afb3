package org.actionlearning.query.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/** Today's date in UTC, as the query API takes it for a missing {@code asOf}; tests fix the clock. */
@Component
class Today {

    private final Clock clock;

    Today(Clock clock) {
        this.clock = clock;
    }

    LocalDate date() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
