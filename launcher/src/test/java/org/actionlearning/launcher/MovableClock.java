package org.actionlearning.launcher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application clock of both services in a test: the system clock until a test puts it on a date (e.g. the day of
 * a meeting, to answer its pulse while the window is open), and back again with {@link #reset()}.
 */
public final class MovableClock extends Clock {

    private volatile Instant fixed;

    /** Noon (UTC) of that day, until moved again. */
    public void setDate(LocalDate date) {
        fixed = date.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock seen in another zone: it moves with this one. */
    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}
