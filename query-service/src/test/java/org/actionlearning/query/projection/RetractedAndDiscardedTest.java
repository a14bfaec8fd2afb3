package org.actionlearning.query.projection;

import static org.actionlearning.query.jooq.Tables.MEETING_FIGURES;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.actionlearning.query.jooq.Tables.MEETING_ACTIVITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.learningset.ChallengePresented;
import org.actionlearning.events.learningset.ContributionRetracted;
import org.actionlearning.events.learningset.MeetingClosed;
import org.actionlearning.events.learningset.MeetingDiscarded;
import org.actionlearning.events.learningset.MeetingOpened;
import org.actionlearning.events.learningset.MeetingScheduled;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.QuestionAsked;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.events.learningset.StatementMade;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.query.jooq.tables.records.MeetingFiguresRecord;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.actionlearning.projection.ProjectionDb;
import org.actionlearning.projection.ProjectionBatch;
import org.jooq.impl.DSL;

/**
 * A retracted question and a discarded meeting, projected from their events: the fairness figures, the stored
 * meeting figures and the programme's activity equal a hand computation without them, and the open meeting the
 * console resumes shows the tally after the retraction.
 */
class RetractedAndDiscardedTest extends QueryServiceTest {

    @Autowired
    ProjectionBatch batch;
    @Autowired
    @ProjectionDb
    TransactionTemplate transactions;

    private final UUID programme = UUID.randomUUID();
    private final UUID set = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final UUID cat = UUID.randomUUID();
    private final UUID held = UUID.randomUUID();
    private final UUID discarded = UUID.randomUUID();
    private final UUID open = UUID.randomUUID();
    private final UUID bensClosedQuestion = UUID.randomUUID();
    private final UUID bensNextQuestion = UUID.randomUUID();

    @BeforeEach
    void project() {
        EventLog log = new EventLog();
        log.append("Programme", programme, new ProgrammeLaunched(programme, "Org", "P", "S",
                LocalDate.of(2026, 1, 5), "GBP"));
        log.append("LearningSet", set, new SetFormed(set, programme, "Set R", UUID.randomUUID(), "Fran"));
        log.append("LearningSet", set, new MemberJoined(set, programme, ann, "Ann", null));
        log.append("LearningSet", set, new MemberJoined(set, programme, ben, "Ben", null));
        log.append("LearningSet", set, new MemberJoined(set, programme, cat, "Cat", null));

        // held on 2 February: Ann presents; Ben asks an open and a closed question, the closed one retracted;
        // Cat gives advice and asks an open question; closed
        LocalDate feb = LocalDate.of(2026, 2, 2);
        UUID c1 = UUID.randomUUID();
        append(log, new MeetingScheduled(set, programme, held, feb));
        append(log, new MeetingOpened(set, programme, held, feb, List.of(ann, ben, cat)));
        append(log, new ChallengePresented(set, programme, held, c1, ann, "Rota", null));
        append(log, new QuestionAsked(set, programme, held, UUID.randomUUID(), c1, ben, QuestionForm.OPEN, "Why?", 5));
        append(log, new QuestionAsked(set, programme, held, bensClosedQuestion, c1, ben, QuestionForm.CLOSED, "Did?",
                3));
        append(log, new StatementMade(set, programme, held, UUID.randomUUID(), cat, StatementKind.ADVICE, c1, "Try",
                9));
        append(log, new QuestionAsked(set, programme, held, UUID.randomUUID(), c1, cat, QuestionForm.OPEN, "How?", 4));
        append(log, new ContributionRetracted(set, programme, held, bensClosedQuestion, ben, QuestionForm.CLOSED,
                null));
        append(log, new MeetingClosed(set, programme, held, feb));

        // opened twice by mistake on 2 March: Ben presents, Ann asks; discarded
        LocalDate mar = LocalDate.of(2026, 3, 2);
        UUID c2 = UUID.randomUUID();
        append(log, new MeetingScheduled(set, programme, discarded, mar));
        append(log, new MeetingOpened(set, programme, discarded, mar, List.of(ann, ben)));
        append(log, new ChallengePresented(set, programme, discarded, c2, ben, "Leave", null));
        append(log, new QuestionAsked(set, programme, discarded, UUID.randomUUID(), c2, ann, QuestionForm.OPEN, "Q",
                2));
        append(log, new MeetingDiscarded(set, programme, discarded, mar));

        // open now: Cat presents, Ben asks, Ann's answer retracted
        UUID c3 = UUID.randomUUID();
        UUID annsAnswer = UUID.randomUUID();
        append(log, new MeetingScheduled(set, programme, open, mar));
        append(log, new MeetingOpened(set, programme, open, mar, List.of(ann, ben, cat)));
        append(log, new ChallengePresented(set, programme, open, c3, cat, "Budget", null));
        append(log, new QuestionAsked(set, programme, open, bensNextQuestion, c3, ben, QuestionForm.OPEN, "What?",
                null));
        append(log, new StatementMade(set, programme, open, annsAnswer, ann, StatementKind.ANSWER, c3, "It", null));
        append(log, new ContributionRetracted(set, programme, open, annsAnswer, ann, null, StatementKind.ANSWER));

        // in two polls, the retraction of Ann's answer apart from her answer
        var envelopes = log.envelopes();
        int split = envelopes.size() - 1;
        String topic = "retracted-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> batch.apply(batch.read(EventLog.asPoll(topic, 0,
                envelopes.subList(0, split)))));
        transactions.executeWithoutResult(tx -> batch.apply(batch.read(EventLog.asPoll(topic, split,
                envelopes.subList(split, envelopes.size())))));
    }

    private void append(EventLog log, org.actionlearning.events.DomainEvent event) {
        log.append("LearningSet", set, event);
    }

    @Test
    void aRetractedQuestionAndADiscardedMeetingCountInNoFigure() {
        JsonNode fairness = getOk(facilitatorOf(set), "/api/sets/" + set + "/fairness");
        JsonNode meetings = fairness.get("meetings");
        // the discarded meeting is in no figure; the open one is (as today, an open meeting shows its figures so far)
        assertThat(meetings.findValuesAsText("meetingId")).containsExactly(held.toString(), open.toString());

        // held: Ann 0, Ben 1 (his closed question retracted), Cat 2 → n 3, total 3, mean 1
        JsonNode m = meetings.get(0);
        // ordered pairs: 2 × (|0−1| + |0−2| + |1−2|) = 8; 8 / (2 × 3² × 1) = 4/9
        assertNumber(m, "gini", 4.0 / 9);
        assertNumber(m, "dominance", 3 * (2.0 / 3));
        assertNumber(m, "questionFocus", 2.0 / (2 + 1));               // Ben's and Cat's open questions, Cat's advice
        assertNumber(m, "openQuestionRatio", 2.0 / 2);
        assertThat(m.get("members").findValuesAsText("displayName")).containsExactly("Ann", "Ben", "Cat");
        assertThat(m.get("members").get(1).get("questions").asInt()).isEqualTo(1);
        assertThat(m.get("members").get(1).get("openQuestions").asInt()).isEqualTo(1);

        MeetingFiguresRecord stored = db.fetchOne(MEETING_FIGURES, MEETING_FIGURES.MEETING_ID.eq(held));
        assertThat(stored.getGini()).isCloseTo(4.0 / 9, within(PRECISION));
        assertThat(stored.getQuestionFocus()).isCloseTo(2.0 / 3, within(PRECISION));
        assertThat(db.fetchCount(MEETING_FIGURES, MEETING_FIGURES.MEETING_ID.eq(discarded))).isZero();
        assertThat(db.fetchCount(MEMBER_PARTICIPATION, MEMBER_PARTICIPATION.MEETING_ID.eq(discarded))).isZero();

        // the programme's activity: challenges Ann's and Cat's (Ben's was in the discarded meeting); questions
        // Ben 1 + Cat 1 held, Ben 1 open; statements Cat's advice (Ann's answer retracted)
        var activity = db.select(DSL.sum(MEETING_ACTIVITY.CHALLENGES), DSL.sum(MEETING_ACTIVITY.QUESTIONS),
                        DSL.sum(MEETING_ACTIVITY.STATEMENTS))
                .from(MEETING_ACTIVITY).where(MEETING_ACTIVITY.PROGRAMME_ID.eq(programme)).fetchOne();
        assertThat(activity.value1().intValue()).isEqualTo(2);
        assertThat(activity.value2().intValue()).isEqualTo(3);
        assertThat(activity.value3().intValue()).isEqualTo(1);
    }

    @Test
    void theOpenMeetingShowsItsTallyWithoutTheRetractedContribution() {
        JsonNode answer = getOk(facilitatorOf(set), "/api/sets/" + set + "/meetings/open");
        JsonNode meetings = answer.get("meetings");
        assertThat(meetings.findValuesAsText("meetingId")).containsExactly(open.toString());
        JsonNode meeting = meetings.get(0);
        assertThat(meeting.get("attendees").findValuesAsText("displayName")).containsExactly("Ann", "Ben", "Cat");
        assertThat(meeting.at("/presenting/presenter/personId").asText()).isEqualTo(cat.toString());
        assertThat(meeting.at("/presenting/title").asText()).isEqualTo("Budget");
        // tally in the attendees' order: Ann 0 (answer retracted), Ben 1 open question, Cat presented
        JsonNode tally = meeting.get("tally");
        assertThat(tally.get(0).get("contributions").asInt()).isZero();
        assertThat(tally.get(0).get("statements").asInt()).isZero();
        assertThat(tally.get(1).get("questions").asInt()).isEqualTo(1);
        assertThat(tally.get(1).get("openQuestions").asInt()).isEqualTo(1);
        assertThat(tally.get(2).get("presented").asInt()).isEqualTo(1);
        assertThat(meeting.get("contributions").findValuesAsText("contributionId"))
                .containsExactly(bensNextQuestion.toString());

        // the record keeps the retracted question, marked
        JsonNode record = getOk(facilitatorOf(set), "/api/sets/" + set + "/record");
        JsonNode retracted = null;
        for (JsonNode meetingRecord : record.get("meetings")) {
            for (JsonNode c : meetingRecord.get("contributions")) {
                if (c.get("contributionId").asText().equals(bensClosedQuestion.toString())) {
                    retracted = c;
                }
            }
        }
        assertThat(retracted).isNotNull();
        assertThat(retracted.get("retracted").asBoolean()).isTrue();
    }

    /**
     * Ben presented only in the discarded meeting: of the current members Ann, Ben and Cat, Ann (held) and Cat (open)
     * have presented, so the rotation is 2/3 in the fairness audit and in the facilitator's own trend.
     */
    @Test
    void aDiscardedMeetingsChallengeIsNotInThePresenterRotation() {
        assertNumber(getOk(facilitatorOf(set), "/api/sets/" + set + "/fairness"), "presenterRotation", 2.0 / 3);
        JsonNode own = getOk(facilitatorOf(set), "/api/facilitation/mine").get("sets").get(0);
        assertNumber(own, "presenterRotation", 2.0 / 3);
    }

    /**
     * Ann attended the held meeting (3 attendees, her 0 of everyone's 3) and the open one (3 attendees, her answer
     * retracted: 0 of Ben's 1); the discarded one is in none of her figures: 2 meetings, even share 1/3.
     */
    @Test
    void aDiscardedMeetingIsNotInAMembersOwnParticipation() {
        var asAnn = http.withToken(org.actionlearning.testsupport.TestTokens.token("ann", ann, "MEMBER:" + set));
        JsonNode p = getOk(asAnn, "/api/people/" + ann + "/participation");
        assertInt(p, "meetings", 2);
        assertNumber(p, "evenShare", 1.0 / 3);
        assertThat(p.get("byMeeting").findValuesAsText("meetingId")).containsExactly(held.toString(),
                open.toString());
    }

    @Test
    void aMemberOfAnotherSetIsRefusedTheOpenMeetings() {
        var other = http.withToken(org.actionlearning.testsupport.TestTokens.token("stranger", null,
                "MEMBER:" + UUID.randomUUID()));
        // a set of no organisation the set's is in: told what an unknown set tells (OtherOrganisationsIdsTest)
        assertThat(other.get("/api/sets/" + set + "/meetings/open").status()).isEqualTo(404);
    }
}
