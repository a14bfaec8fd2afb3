package org.actionlearning.events.outcome;

import java.math.BigDecimal;

/** An improvement of {@code changePercent} within {@code withinDays} of the last baseline date. */
public record OutcomeTarget(BigDecimal changePercent, int withinDays) {
}
