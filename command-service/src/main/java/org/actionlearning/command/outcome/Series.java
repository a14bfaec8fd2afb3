package org.actionlearning.command.outcome;

/** Which series of an outcome metric a value belongs to: before the programme, or after. */
public enum Series { BASELINE, FOLLOW_UP }
