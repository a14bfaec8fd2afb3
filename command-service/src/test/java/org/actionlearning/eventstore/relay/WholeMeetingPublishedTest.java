package org.actionlearning.eventstore.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import java.util.UUID;
import java.util.stream.Collectors;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.TopicReader;
import org.actionlearning.testsupport.TopicReader.Received;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventTypes;
import org.junit.jupiter.api.Test;

/** A whole meeting recorded over HTTP arrives on the topic: exactly the expected events, in order, enveloped. */
class WholeMeetingPublishedTest extends CommandServiceTest {

    @Test
    void aMeetingRecordedOverHttpIsPublishedInOrderWithCorrectEnvelopes() {
        Scenario scenario = new Scenario(http);
        UUID programmeId = scenario.launchProgramme("Discharge flow");
        UUID setId = scenario.formSet(programmeId, "Set A");
        List<UUID> m = scenario.addMembers(setId, 5);
        UUID meetingId = scenario.scheduleMeeting(setId, "2026-02-02");
        scenario.openMeeting(setId, meetingId, m);
        UUID challengeId = scenario.present(setId, meetingId, m.get(0), "Delayed discharges");
        String[] forms = {"OPEN", "OPEN", "CLOSED", "OPEN", "CLOSED", "OPEN"};
        UUID[] askers = {m.get(1), m.get(2), m.get(3), m.get(4), m.get(1), m.get(2)};
        for (int i = 0; i < 6; i++) {
            scenario.ask(setId, meetingId, challengeId, askers[i], forms[i]);
        }
        scenario.state(setId, meetingId, m.get(3), "ADVICE", challengeId);
        scenario.state(setId, meetingId, m.get(0), "ANSWER", challengeId);
        UUID action1 = scenario.commitAction(setId, meetingId, challengeId, m.get(0), "2026-02-16");
        UUID action2 = scenario.commitAction(setId, meetingId, challengeId, m.get(0), "2026-03-02");
        scenario.closeMeeting(setId, meetingId);

        List<Received> records = TopicReader.readUntil(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC,
                Duration.ofSeconds(30), read -> ofProgramme(read, programmeId).size() >= 21);
        List<Received> mine = ofProgramme(records, programmeId);

        assertThat(mine).extracting(r -> r.envelope().eventType()).containsExactly(
                "ProgrammeLaunched", "SetFormed",
                "MemberJoined", "MemberJoined", "MemberJoined", "MemberJoined", "MemberJoined",
                "MeetingScheduled", "MeetingOpened", "ChallengePresented",
                "QuestionAsked", "QuestionAsked", "QuestionAsked", "QuestionAsked", "QuestionAsked", "QuestionAsked",
                "StatementMade", "StatementMade", "ActionCommitted", "ActionCommitted", "MeetingClosed");
        // one key, so one partition, in offset order
        assertThat(mine).extracting(Received::key).containsOnly(programmeId.toString());
        assertThat(mine).extracting(Received::partition).containsOnly(mine.get(0).partition());
        assertThat(mine).extracting(Received::offset).isSorted();
        // each at its type's current schema version (MemberJoined is at 2)
        assertThat(mine).allSatisfy(r -> assertThat(r.envelope().schemaVersion())
                .isEqualTo(EventTypes.byName(r.envelope().eventType()).orElseThrow().version()));
        assertThat(mine.get(2).envelope().schemaVersion()).isEqualTo(2);
        assertThat(mine).extracting(r -> r.envelope().programmeId()).containsOnly(programmeId);
        assertThat(mine).allSatisfy(r -> assertThat(r.envelope().occurredAt()).isNotNull());

        // the set's own stream (formed, 5 joined, scheduled, opened, presented, 6 questions, 2 statements, closed):
        // aggregate type, id and gap-free sequence numbers 0..17
        List<EventEnvelope> setEvents = mine.stream().map(Received::envelope)
                .filter(e -> e.aggregateType().equals("LearningSet")).toList();
        assertThat(setEvents).extracting(EventEnvelope::aggregateId).containsOnly(setId.toString());
        assertThat(setEvents).extracting(EventEnvelope::sequenceNumber)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L);
        assertThat(mine.get(0).envelope().aggregateType()).isEqualTo("Programme");
        assertThat(mine.get(0).envelope().aggregateId()).isEqualTo(programmeId.toString());
        List<EventEnvelope> actions = mine.stream().map(Received::envelope)
                .filter(e -> e.eventType().equals("ActionCommitted")).toList();
        assertThat(actions).extracting(EventEnvelope::aggregateType).containsOnly("Action");
        assertThat(actions).extracting(EventEnvelope::aggregateId)
                .containsExactly(action1.toString(), action2.toString());
        assertThat(actions).extracting(EventEnvelope::sequenceNumber).containsOnly(0L);

        // payloads carry what the projections need
        EventEnvelope question = mine.get(11).envelope(); // the second question: m2, OPEN
        assertThat(question.payload().get("askerId").asText()).isEqualTo(m.get(2).toString());
        assertThat(question.payload().get("form").asText()).isEqualTo("OPEN");
        assertThat(question.payload().get("challengeId").asText()).isEqualTo(challengeId.toString());
        assertThat(question.payload().get("meetingId").asText()).isEqualTo(meetingId.toString());
        assertThat(actions.get(0).payload().get("committedOn").asText()).isEqualTo("2026-02-02");

        // event ids are the store's, in store order
        List<String> storedIds = jdbc.queryForList("select eventidentifier from domainevententry"
                + " where aggregateidentifier in (?, ?, ?, ?) order by globalindex", String.class,
                programmeId.toString(), setId.toString(), action1.toString(), action2.toString());
        assertThat(mine).extracting(r -> r.envelope().eventId().toString()).containsExactlyElementsOf(storedIds);
    }

    private static List<Received> ofProgramme(List<Received> records, UUID programmeId) {
        return records.stream().filter(r -> r.key().equals(programmeId.toString()))
                .collect(Collectors.toList());
    }

}
