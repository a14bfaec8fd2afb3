package org.actionlearning.analytics.participation;

import static org.actionlearning.analytics.Statistics.requireNonNegative;

import java.util.Objects;
import java.util.UUID;

/**
 * What one attendee said in one meeting. A silent attendee is passed with all counts 0.
 *
 * @param personId      the attendee
 * @param questions     questions asked (open and closed)
 * @param openQuestions of which open
 * @param statements    statements made (answer, advice, reflection, other)
 * @param advice        of which ADVICE
 */
public record MemberContribution(UUID personId, int questions, int openQuestions, int statements, int advice) {

    public MemberContribution {
        Objects.requireNonNull(personId, "personId");
        requireNonNegative(questions, "questions");
        requireNonNegative(openQuestions, "openQuestions");
        requireNonNegative(statements, "statements");
        requireNonNegative(advice, "advice");
        if (openQuestions > questions) {
            throw new IllegalArgumentException(
                    "openQuestions (" + openQuestions + ") must not exceed questions (" + questions + ")");
        }
        if (advice > statements) {
            throw new IllegalArgumentException(
                    "advice (" + advice + ") must not exceed statements (" + statements + ")");
        }
    }

    /** An attendee who said nothing. */
    public static MemberContribution silent(UUID personId) {
        return new MemberContribution(personId, 0, 0, 0, 0);
    }

    /** Questions asked + statements made; presenting a challenge is not a contribution. */
    public int contributions() {
        return questions + statements;
    }
}
