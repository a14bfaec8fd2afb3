package org.actionlearning.events.outcome;

/** The period that one value of a metric covers. */
public enum Period { DAY, WEEK, MONTH, QUARTER, YEAR }
