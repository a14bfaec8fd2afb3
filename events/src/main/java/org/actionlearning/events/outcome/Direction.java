package org.actionlearning.events.outcome;

/** Which way of change is an improvement. */
public enum Direction { DECREASE, INCREASE }
