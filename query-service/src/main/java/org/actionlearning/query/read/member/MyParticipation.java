package org.actionlearning.query.read.member;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How one member took part, meeting by meeting (the meetings they attended, in date order) and over all of them.
 * For that member alone. Ratios are null where there is nothing to divide (no contributions, no questions).
 *
 * @param talkShare         the member's contributions (questions and statements) over everyone's in the meetings
 * @param evenShare         the share each attendee would have with talk spread evenly (1 / attendees; over all
 *                          meetings, the mean of the meetings' even shares)
 * @param openQuestionRatio the member's open questions over their questions
 */
public record MyParticipation(UUID personId, int meetings, int contributions, Double talkShare, Double evenShare,
                              int questions, int openQuestions, Double openQuestionRatio, int presented,
                              List<Meeting> byMeeting) {

    /** One meeting the member attended. */
    public record Meeting(UUID meetingId, UUID setId, String setName, LocalDate openedOn, int attendees,
                          int contributions, int meetingContributions, Double talkShare, Double evenShare,
                          int questions, int openQuestions, Double openQuestionRatio, int presented) {
    }
}
