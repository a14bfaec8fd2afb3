package org.actionlearning.events.learningset;

public enum StatementKind { ANSWER, ADVICE, REFLECTION, OTHER }
