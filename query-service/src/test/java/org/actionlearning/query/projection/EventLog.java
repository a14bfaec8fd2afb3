package org.actionlearning.query.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.learningset.ChallengePresented;
import org.actionlearning.events.learningset.MeetingOpened;
import org.actionlearning.events.learningset.MeetingScheduled;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.QuestionAsked;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.events.learningset.StatementMade;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/** Events as the relay would publish them: enveloped, with per-aggregate sequence numbers. */
public final class EventLog {

    private final Map<String, Long> sequences = new HashMap<>();
    private final List<EventEnvelope> envelopes = new ArrayList<>();

    public EventEnvelope append(String aggregateType, UUID aggregateId, DomainEvent event) {
        long sequence = sequences.merge(aggregateId.toString(), 0L, (old, zero) -> old + 1);
        EventEnvelope envelope = EventJson.envelope(UUID.randomUUID(), aggregateType, aggregateId.toString(),
                sequence, Instant.parse("2026-03-09T10:00:00Z").plusSeconds(envelopes.size()), event);
        envelopes.add(envelope);
        return envelope;
    }

    /**
     * A programme launched with a set of three members whose meeting on 2 February 2026 is opened with all three:
     * {@code presenter} presents a challenge, {@code asker} asks an open and a closed question about it,
     * {@code speaker} gives advice. The meeting is not closed.
     */
    public static EventLog meeting(UUID programme, UUID set, UUID meeting, UUID challenge, UUID presenter, UUID asker,
                            UUID speaker) {
        LocalDate on = LocalDate.of(2026, 2, 2);
        EventLog log = new EventLog();
        log.append("Programme", programme, new ProgrammeLaunched(programme, "Org", "P", "S",
                LocalDate.of(2026, 1, 5), "GBP"));
        log.append("LearningSet", set, new SetFormed(set, programme, "Set", UUID.randomUUID(), "Fran"));
        for (UUID member : List.of(presenter, asker, speaker)) {
            log.append("LearningSet", set, new MemberJoined(set, programme, member, "M", null));
        }
        log.append("LearningSet", set, new MeetingScheduled(set, programme, meeting, on));
        log.append("LearningSet", set, new MeetingOpened(set, programme, meeting, on, List.of(presenter, asker,
                speaker)));
        log.append("LearningSet", set, new ChallengePresented(set, programme, meeting, challenge, presenter, "T",
                null));
        log.append("LearningSet", set, new QuestionAsked(set, programme, meeting, UUID.randomUUID(), challenge, asker,
                QuestionForm.OPEN, "Why?", 10));
        log.append("LearningSet", set, new QuestionAsked(set, programme, meeting, UUID.randomUUID(), challenge, asker,
                QuestionForm.CLOSED, "Did you?", 5));
        log.append("LearningSet", set, new StatementMade(set, programme, meeting, UUID.randomUUID(), speaker,
                StatementKind.ADVICE, challenge, "Try this", 20));
        return log;
    }

    public List<EventEnvelope> envelopes() {
        return envelopes;
    }

    /** The envelopes as one poll of records on one partition, from {@code firstOffset}. */
    public static ConsumerRecords<String, byte[]> asPoll(String topic, long firstOffset, List<EventEnvelope> envelopes) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long offset = firstOffset;
        for (EventEnvelope envelope : envelopes) {
            records.add(new ConsumerRecord<>(topic, 0, offset++, envelope.programmeId().toString(),
                    EventJson.toBytes(envelope)));
        }
        return new ConsumerRecords<>(Map.of(new TopicPartition(topic, 0), records));
    }
}
