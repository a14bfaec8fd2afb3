package org.actionlearning.service.pulse;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The days after a meeting was opened in which its pulse may be answered. While the window is open no aggregate counts
 * the meeting's responses; once it has closed no answer is accepted. So a reader sees each meeting's aggregate once,
 * final, and can never subtract two readings to recover one person's answers.
 */
public record PulseWindow(Duration length, Clock clock) {

    public static final String PROPERTY = "als.pulse.window";
    public static final String DEFAULT = "7d";

    /** Answers are taken on the opening day and the days after, up to (not including) opening day + length. */
    public boolean isOpen(LocalDate openedOn) {
        return today().isBefore(closesOn(openedOn));
    }

    /** The first day on which the meeting's responses count in the aggregates. */
    public LocalDate closesOn(LocalDate openedOn) {
        return openedOn.plusDays(length.toDays());
    }

    /** Meetings opened before this day have a closed window. */
    public LocalDate openedBefore() {
        return openedBefore(today());
    }

    /** Meetings opened before this day had a closed window on {@code day}. */
    public LocalDate openedBefore(LocalDate day) {
        return day.minusDays(length.toDays()).plusDays(1);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
