package org.actionlearning.events.programme;

public enum CostCategory { FACILITATION, PARTICIPANT_TIME, VENUE, MATERIALS, TRAVEL, OTHER }
