package org.actionlearning.events.learningset;

public enum QuestionForm { OPEN, CLOSED }
