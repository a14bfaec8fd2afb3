package org.actionlearning.query.readmodel;

import java.util.UUID;
import org.actionlearning.analytics.participation.MemberContribution;

/**
 * An attendee's counts as read from {@code member_participation} left-joined to the attendees: the projection
 * writes a row only once a member contributes or presents, so a silent attendee has no row, and null counts.
 */
public final class AttendeeCounts {

    private AttendeeCounts() {
    }

    public static MemberContribution of(UUID personId, Integer questions, Integer openQuestions, Integer statements,
                                        Integer advice) {
        return new MemberContribution(personId, count(questions), count(openQuestions), count(statements),
                count(advice));
    }

    public static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
