package org.actionlearning.query.projection;

import org.actionlearning.projection.Projection;
import org.actionlearning.projection.ProjectionHandlers;
import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;
import static org.actionlearning.query.jooq.Tables.CHALLENGE;
import static org.actionlearning.query.jooq.Tables.CONTRIBUTION;
import static org.actionlearning.query.jooq.Tables.ERASED_PERSON;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.actionlearning.query.jooq.Tables.REFLECTION;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.action.ActionCommitted;
import org.actionlearning.events.action.ActionCompleted;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.learningset.ChallengePresented;
import org.actionlearning.events.learningset.MeetingOpened;
import org.actionlearning.events.learningset.MeetingScheduled;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.QuestionAsked;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.ReflectionRecorded;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.events.learningset.StatementMade;
import org.actionlearning.events.personaldata.PersonErased;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PersonErased redacts the person's names and texts in every read model and leaves the counts; the API then shows
 * them as erased. Plain (unsealed) texts, as the query side's own tests publish, so no vault is involved.
 */
class ErasureRedactionTest extends QueryServiceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    List<Projection> projections;

    private final ProjectionHandlers handlers = new ProjectionHandlers();
    private final UUID programme = UUID.randomUUID();
    private final UUID set = UUID.randomUUID();
    private final UUID meeting = UUID.randomUUID();
    private final UUID challenge = UUID.randomUUID();
    private final UUID action = UUID.randomUUID();
    private final UUID facilitator = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();
    private final UUID zeb = UUID.randomUUID();
    private long sequence;

    @BeforeEach
    void recordAMeeting() {
        projections.forEach(p -> p.register(handlers));
        apply(new ProgrammeLaunched(programme, "Org", "Programme", "Sponsor", DAY, "GBP"),
                new SetFormed(set, programme, "Set", facilitator, "Fran Facilitator"),
                new MemberJoined(set, programme, ann, "Ann Presenter", DAY),
                new MemberJoined(set, programme, zeb, "Zebedee Quillfeather", DAY),
                new MeetingScheduled(set, programme, meeting, DAY),
                new MeetingOpened(set, programme, meeting, DAY, List.of(ann, zeb)),
                new ChallengePresented(set, programme, meeting, challenge, ann, "Ann's challenge", "Ann's summary"),
                new QuestionAsked(set, programme, meeting, UUID.randomUUID(), challenge, zeb, QuestionForm.OPEN,
                        "Zebedee's question", 10),
                new StatementMade(set, programme, meeting, UUID.randomUUID(), zeb, StatementKind.ADVICE, challenge,
                        "Zebedee's advice", null),
                new ReflectionRecorded(set, programme, meeting, UUID.randomUUID(), zeb, "Zebedee's reflection"),
                new ActionCommitted(action, programme, set, meeting, challenge, ann, "Ann's action", DAY,
                        DAY.plusDays(14)),
                new ActionCompleted(action, programme, set, DAY.plusDays(7), "Ann's evidence"));
    }

    @Test
    void anErasedPersonsNamesAndTextsGoAndTheirCountsStay() {
        var countsBefore = db.selectFrom(MEMBER_PARTICIPATION).where(MEMBER_PARTICIPATION.SET_ID.eq(set)).fetch();

        apply(new PersonErased(programme, zeb, DAY.plusMonths(1)));

        assertThat(db.fetchValue(SET_MEMBER.DISPLAY_NAME, SET_MEMBER.PERSON_ID.eq(zeb))).isNull();
        assertThat(db.fetch(CONTRIBUTION, CONTRIBUTION.PERSON_ID.eq(zeb)).getValues(CONTRIBUTION.TEXT))
                .hasSize(2).containsOnlyNulls();
        assertThat(db.fetchValue(REFLECTION.TEXT, REFLECTION.PERSON_ID.eq(zeb))).isNull();
        assertThat(db.fetchValue(ERASED_PERSON.ERASED_ON, ERASED_PERSON.PERSON_ID.eq(zeb)))
                .isEqualTo(DAY.plusMonths(1));
        assertThat(db.selectFrom(MEMBER_PARTICIPATION).where(MEMBER_PARTICIPATION.SET_ID.eq(set)).fetch())
                .isEqualTo(countsBefore);
        assertThat(db.fetchValue(CHALLENGE.TITLE, CHALLENGE.CHALLENGE_ID.eq(challenge))).isEqualTo("Ann's challenge");

        JsonNode members = getOk(facilitatorOf(set), "/api/sets/" + set + "/fairness").at("/meetings/0/members");
        assertThat(members).hasSize(2);
        assertThat(members.get(0).get("displayName").asText()).isEqualTo("Ann Presenter");
        assertThat(members.get(1).get("displayName").isNull()).isTrue();
        assertThat(members.get(1).get("erased").asBoolean()).isTrue();
        assertThat(members.get(1).get("contributions").asInt()).isEqualTo(2);

        JsonNode record = getOk(facilitatorOf(set), "/api/sets/" + set + "/record");
        assertThat(record.get("personalDataUnavailable").asBoolean()).isFalse();
        assertThat(record.at("/facilitator/displayName").asText()).isEqualTo("Fran Facilitator");
        JsonNode held = record.at("/meetings/0");
        assertThat(held.at("/challenges/0/title").asText()).isEqualTo("Ann's challenge");
        assertThat(held.at("/challenges/0/presenter/displayName").asText()).isEqualTo("Ann Presenter");
        assertThat(held.get("contributions")).hasSize(2).allSatisfy(c -> {
            assertThat(c.get("text").isNull()).isTrue();
            assertThat(c.at("/author/erased").asBoolean()).isTrue();
            assertThat(c.at("/author/displayName").isNull()).isTrue();
        });
        assertThat(held.at("/contributions/0/kind").asText()).as("in the order recorded").isEqualTo("QUESTION");
        assertThat(held.at("/reflections/0/text").isNull()).isTrue();
    }

    @Test
    void anErasedOwnersActionStillCountsWithoutItsTexts() {
        apply(new PersonErased(programme, ann, DAY.plusMonths(1)), new PersonErased(programme, facilitator,
                DAY.plusMonths(1)));

        var row = db.fetchOne(ACTION_ITEM, ACTION_ITEM.ACTION_ID.eq(action));
        assertThat(row.getDescription()).isNull();
        assertThat(row.getEvidence()).isNull();
        assertThat(row.getStatus()).isEqualTo("COMPLETED");
        assertThat(db.fetchOne(CHALLENGE, CHALLENGE.CHALLENGE_ID.eq(challenge)).into(String[].class))
                .doesNotContain("Ann's challenge", "Ann's summary");

        JsonNode actions = getOk(facilitatorOf(set), "/api/programmes/" + programme + "/actions");
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).has("description")).as("no description (null is left out)").isFalse();
        assertThat(actions.at("/0/ownerErased").asBoolean()).isTrue();
        JsonNode record = getOk(facilitatorOf(set), "/api/sets/" + set + "/record");
        assertThat(record.at("/facilitator/erased").asBoolean()).isTrue();
        assertThat(record.at("/meetings/0/challenges/0/title").isNull()).isTrue();
        assertThat(record.at("/meetings/0/challenges/0/presenter/erased").asBoolean()).isTrue();
    }

    @Test
    void anUnknownSetHasNoRecord() {
        assertThat(http.get("/api/sets/" + UUID.randomUUID() + "/record").status()).isEqualTo(404);
    }

    private void apply(DomainEvent... events) {
        for (DomainEvent event : events) {
            handlers.apply(event, EventJson.envelope(UUID.randomUUID(), "Test", set.toString(), sequence++,
                    Instant.parse("2026-03-02T10:00:00Z"), event));
        }
    }
}
