package org.actionlearning.query.projection;

import static org.actionlearning.query.jooq.Tables.EVENT_RECORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.envelope.Recorder;
import org.actionlearning.events.learningset.MeetingOpened;
import org.actionlearning.events.learningset.MeetingScheduled;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.QuestionAsked;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.personaldata.PersonErased;
import org.actionlearning.events.programme.CostCategory;
import org.actionlearning.events.programme.ProgrammeCostRecorded;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.projection.Projection;
import org.actionlearning.projection.ProjectionHandlers;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who recorded each record, as "what changed" and the explanations give it: the facilitator held a meeting (opened,
 * a question), an administrator recorded a cost; the sponsor reads roles only, the organisation's administrator the
 * usernames too, and an erased recorder's username is gone (their role stays).
 */
class RecordersTest extends QueryServiceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final Instant FIRST = Instant.parse("2026-03-02T10:00:00Z");
    private static final String FROM = "2026-03-02T10:00:00Z";
    private static final String TO = "2026-03-02T11:00:00Z";

    @Autowired
    List<Projection> projections;

    private final ProjectionHandlers handlers = new ProjectionHandlers();
    private final UUID programme = UUID.randomUUID();
    private final String organisation = "Org " + programme;
    private final UUID set = UUID.randomUUID();
    private final UUID meeting = UUID.randomUUID();
    private final UUID fran = UUID.randomUUID();
    private final List<UUID> members = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    private final Recorder administrator = new Recorder("ada.recorder", null, Recorder.ADMIN);
    private final Recorder facilitator = new Recorder("fran.recorder", fran, Recorder.FACILITATOR);
    private long sequence;

    @BeforeEach
    void aMeetingByTheFacilitatorAndACostByAnAdministrator() {
        projections.forEach(p -> p.register(handlers));
        apply(FIRST, administrator, new ProgrammeLaunched(programme, organisation, "P", "Sponsor", DAY, "GBP"),
                new SetFormed(set, programme, "Set", fran, "Fran"));
        for (UUID member : members) {
            apply(FIRST, administrator, new MemberJoined(set, programme, member, "M", DAY));
        }
        apply(FIRST, facilitator, new MeetingScheduled(set, programme, meeting, DAY));
        apply(FIRST.plusSeconds(60), facilitator, new MeetingOpened(set, programme, meeting, DAY, members));
        apply(FIRST.plusSeconds(120), facilitator, new QuestionAsked(set, programme, meeting, UUID.randomUUID(), null,
                members.get(0), QuestionForm.OPEN, "q", 5));
        apply(FIRST.plusSeconds(180), administrator, new ProgrammeCostRecorded(programme, UUID.randomUUID(),
                CostCategory.VENUE, new BigDecimal("250"), DAY, null));
    }

    @Test
    void theSponsorReadsRolesAndTheAdministratorUsernames() {
        JsonNode forSponsor = getOk(sponsor(), changes());
        assertThat(recorders(forSponsor.path("events"))).containsExactly("MeetingOpened facilitator -",
                "QuestionAsked facilitator -", "ProgrammeCostRecorded administrator -");
        assertThat(forSponsor.toString()).doesNotContain("fran.recorder", "ada.recorder");
        assertThat(recorders(getOk(administrator(), changes()).path("events"))).containsExactly(
                "MeetingOpened facilitator fran.recorder", "QuestionAsked facilitator fran.recorder",
                "ProgrammeCostRecorded administrator ada.recorder");

        String explain = "/api/programmes/" + programme + "/explain?figure=questionsAsked";
        assertThat(recorders(getOk(sponsor(), explain).path("records"))).containsExactly("QuestionAsked facilitator -");
        assertThat(recorders(getOk(administrator(), explain).path("records")))
                .containsExactly("QuestionAsked facilitator fran.recorder");
        // the set's own people see names in their set's explanation, so the recorder's too
        assertThat(recorders(getOk(facilitatorOf(set), "/api/sets/" + set + "/explain?figure=questionsAsked")
                .path("records"))).containsExactly("QuestionAsked facilitator fran.recorder");
    }

    @Test
    void anErasedRecordersUsernameIsGoneAndTheirRoleStays() {
        apply(FIRST.plusSeconds(600), administrator, new PersonErased(programme, fran, DAY.plusDays(1)));

        assertThat(db.select(EVENT_RECORDER.RECORDED_BY_USER).from(EVENT_RECORDER)
                .where(EVENT_RECORDER.RECORDED_BY_PERSON.eq(fran)).fetch(EVENT_RECORDER.RECORDED_BY_USER))
                .hasSize(3).containsOnlyNulls();
        assertThat(recorders(getOk(administrator(), changes()).path("events"))).containsExactly(
                "MeetingOpened facilitator -", "QuestionAsked facilitator -",
                "ProgrammeCostRecorded administrator ada.recorder");
    }

    @Test
    void aRecordWhoseRecorderIsNotKnownOrNotOneSaysUnknown() {
        // published before recorders were: no recorder; and two questions stored at one instant by two recorders
        apply(FIRST.plusSeconds(240), null, new QuestionAsked(set, programme, meeting, UUID.randomUUID(), null,
                members.get(1), QuestionForm.OPEN, "q", 5));
        apply(FIRST.plusSeconds(300), facilitator, new QuestionAsked(set, programme, meeting, UUID.randomUUID(), null,
                members.get(1), QuestionForm.OPEN, "q", 5));
        apply(FIRST.plusSeconds(300), administrator, new QuestionAsked(set, programme, meeting, UUID.randomUUID(),
                null, members.get(2), QuestionForm.OPEN, "q", 5));

        assertThat(recorders(getOk(administrator(), changes()).path("events"))).containsExactly(
                "MeetingOpened facilitator fran.recorder", "QuestionAsked facilitator fran.recorder",
                "ProgrammeCostRecorded administrator ada.recorder", "QuestionAsked unknown -",
                "QuestionAsked unknown -", "QuestionAsked unknown -");
    }

    @Test
    void aRedeliveredEventKeepsOneRecorderRow() {
        UUID eventId = UUID.randomUUID();
        ProgrammeCostRecorded cost = new ProgrammeCostRecorded(programme, UUID.randomUUID(), CostCategory.VENUE,
                BigDecimal.ONE, DAY, null);
        for (int delivery = 0; delivery < 2; delivery++) {
            handlers.apply(cost, EventJson.envelope(eventId, "Programme", programme.toString(), 99,
                    FIRST.plusSeconds(400), cost, administrator));
        }
        assertThat(db.fetchCount(EVENT_RECORDER, EVENT_RECORDER.EVENT_ID.eq(eventId))).isEqualTo(1);
    }

    private String changes() {
        return "/api/programmes/" + programme + "/changes?from=" + FROM + "&to=" + TO;
    }

    private HttpJson sponsor() {
        return http.withToken(TestTokens.token("sam", null, "SPONSOR:" + programme));
    }

    private HttpJson administrator() {
        return http.withToken(TestTokens.token("ada", null, "ADMIN:" + organisation));
    }

    private void apply(Instant at, Recorder by, DomainEvent... events) {
        for (DomainEvent event : events) {
            handlers.apply(event, EventJson.envelope(UUID.randomUUID(), "Test", set.toString(), sequence++, at, event,
                    by));
        }
    }

    /** "type role user" per record, "-" for no user. */
    private static List<String> recorders(JsonNode records) {
        List<String> lines = new ArrayList<>();
        records.forEach(r -> lines.add(r.path("type").asText() + " " + r.path("recordedBy").path("role").asText()
                + " " + r.path("recordedBy").path("user").asText("-")));
        return lines;
    }
}
