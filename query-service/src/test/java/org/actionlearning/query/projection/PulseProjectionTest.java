package org.actionlearning.query.projection;

import static org.actionlearning.query.jooq.Tables.PULSE_ANSWER;
import static org.actionlearning.query.jooq.Tables.PULSE_CONTRIBUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.learningset.MeetingOpened;
import org.actionlearning.events.learningset.MeetingScheduled;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.PulseAnswered;
import org.actionlearning.events.learningset.PulseContributed;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.personaldata.PersonErased;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.actionlearning.projection.ProjectionHandlers;
import org.actionlearning.projection.Projection;

/**
 * The pulse read model: a replacing contribution takes the place of the one it replaces, a meeting of two responses
 * is withheld and left out of the set's figures, and erasing a person clears their own answers and moves no
 * aggregate. Figures computed by hand in the comments.
 */
class PulseProjectionTest extends QueryServiceTest {

    /** The second meeting (28 days later) is opened on 29 March: its 7-day pulse window closes on TODAY. */
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Autowired
    List<Projection> projections;

    private final ProjectionHandlers handlers = new ProjectionHandlers();
    private final UUID programme = UUID.randomUUID();
    private final UUID set = UUID.randomUUID();
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final UUID cat = UUID.randomUUID();
    private long sequence;

    @BeforeEach
    void recordTwoMeetings() {
        projections.forEach(p -> p.register(handlers));
        apply(new ProgrammeLaunched(programme, "Org", "Programme", "Sponsor", DAY, "GBP"),
                new SetFormed(set, programme, "Set", UUID.randomUUID(), "Fran"),
                new MemberJoined(set, programme, ann, "Ann", DAY),
                new MemberJoined(set, programme, ben, "Ben", DAY),
                new MemberJoined(set, programme, cat, "Cat", DAY),
                new MeetingScheduled(set, programme, first, DAY),
                new MeetingOpened(set, programme, first, DAY, List.of(ann, ben, cat)),
                new MeetingScheduled(set, programme, second, DAY.plusDays(28)),
                new MeetingOpened(set, programme, second, DAY.plusDays(28), List.of(ann, ben, cat)));
    }

    @Test
    void aReplacementTakesThePlaceOfTheFirstAnswerAndErasureMovesNoAggregate() {
        UUID annFirst = UUID.randomUUID();
        UUID annSecond = UUID.randomUUID();
        // Ann's first answer (reversed 7,1,7,1,7,1,1) is replaced by 2,6,2,6,2,6,6, reversed 6 ×7: score 6
        contribute(first, annFirst, List.of(1, 1, 1, 1, 1, 1, 1), null);
        contribute(first, annSecond, List.of(2, 6, 2, 6, 2, 6, 6), annFirst);
        // Ben 4 ×7: 4. Cat 7 ×7, reversed 1,7,1,7,1,7,7: 31/7
        contribute(first, UUID.randomUUID(), List.of(4, 4, 4, 4, 4, 4, 4), null);
        contribute(first, UUID.randomUUID(), List.of(7, 7, 7, 7, 7, 7, 7), null);
        apply(new PulseAnswered(set, programme, first, ann, "{\"items\":[2,6,2,6,2,6,6]}"));
        // the second meeting: two responses, withheld
        contribute(second, UUID.randomUUID(), List.of(1, 7, 1, 7, 1, 7, 7), null);
        contribute(second, UUID.randomUUID(), List.of(1, 7, 1, 7, 1, 7, 7), null);

        assertThat(db.fetchCount(PULSE_CONTRIBUTION, PULSE_CONTRIBUTION.RESPONSE_ID.eq(annFirst))).isZero();
        JsonNode safety = getOk(facilitatorOf(set), "/api/sets/" + set + "/safety");
        double meeting = (6 + 4 + 31.0 / 7) / 3;   // 101/21
        JsonNode one = safety.at("/meetings/0");
        assertNumber(one, "safetyScore", meeting);
        assertInt(one, "respondents", 3);
        assertThat(one.at("/itemMeans/0").asDouble()).isCloseTo((6 + 4 + 1) / 3.0, within(PRECISION));
        assertNull(safety.at("/meetings/1"), "safetyScore");
        assertInt(safety.at("/meetings/1"), "respondents", 2);
        assertNumber(safety, "safetyScore", meeting);
        assertInt(safety, "respondents", 3);
        assertText(safety.at("/withheld/0"), "section", "meeting " + second);
        // a meeting opened yesterday, its window open: three responses, and still in no figure
        UUID third = UUID.randomUUID();
        apply(new MeetingScheduled(set, programme, third, LocalDate.parse(TODAY).minusDays(1)),
                new MeetingOpened(set, programme, third, LocalDate.parse(TODAY).minusDays(1), List.of(ann, ben, cat)));
        for (int i = 0; i < 3; i++) {
            contribute(third, UUID.randomUUID(), List.of(1, 1, 1, 1, 1, 1, 1), null);
        }
        assertThat(getOk(facilitatorOf(set), "/api/sets/" + set + "/safety")).isEqualTo(safety);

        apply(new PersonErased(programme, ann, DAY.plusMonths(1)));

        assertThat(db.fetchValue(PULSE_ANSWER.ANSWERS, PULSE_ANSWER.PERSON_ID.eq(ann))).isNull();
        assertThat(getOk(facilitatorOf(set), "/api/sets/" + set + "/safety")).isEqualTo(safety);
    }

    private void contribute(UUID meetingId, UUID responseId, List<Integer> items, UUID replaces) {
        apply(new PulseContributed(set, programme, meetingId, responseId, items, 4, null, null, replaces));
    }

    private void apply(DomainEvent... events) {
        for (DomainEvent event : events) {
            handlers.apply(event, EventJson.envelope(UUID.randomUUID(), "Test", set.toString(), sequence++,
                    Instant.parse("2026-03-02T10:00:00Z"), event));
        }
    }
}
