package org.actionlearning.query.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.actionlearning.query.read.PastView;
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

    /** The view of a read: as of the date given (else today), as recorded by the instant given (else now). */
    PastView view(LocalDate asOf, Instant recordedBy) {
        return new PastView(orToday(asOf), recordedBy);
    }
}
