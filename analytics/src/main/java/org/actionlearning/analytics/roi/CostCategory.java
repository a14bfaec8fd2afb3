package org.actionlearning.analytics.roi;

/** Kinds of fully loaded programme cost. */
public enum CostCategory {
    FACILITATION,
    PARTICIPANT_TIME,
    VENUE,
    MATERIALS,
    TRAVEL,
    OTHER
}
