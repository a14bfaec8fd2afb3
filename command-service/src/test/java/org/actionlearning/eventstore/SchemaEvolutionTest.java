package org.actionlearning.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.TopicReader;
import org.actionlearning.testsupport.TopicReader.Received;
import org.junit.jupiter.api.Test;

/**
 * Events stored as version 1 (before {@code MemberJoined} gained {@code joinedOn}) are upcast when the set is
 * loaded and when the relay publishes them: old and new events both work.
 */
class SchemaEvolutionTest extends CommandServiceTest {

    @Test
    void versionOneEventsInTheStoreAreReadAndPublishedAsVersionTwo() {
        UUID programmeId = UUID.randomUUID();
        UUID setId = UUID.randomUUID();
        UUID oldMember = UUID.randomUUID();
        store(setId, 0, SetFormed.class, "1", EventJson.mapper().valueToTree(
                new SetFormed(setId, programmeId, "Set of 2025", UUID.randomUUID(), "Fran")));
        ObjectNode v1 = EventJson.mapper().valueToTree(new MemberJoined(setId, programmeId, oldMember, "Olive", null));
        v1.remove("joinedOn");
        store(setId, 1, MemberJoined.class, "1", v1);
        // a store that old gets its access scopes from the backfill at start-up; this one was written just now
        jdbc.update("insert into access_scope (id, organisation, programme_id, set_id) values (?, 'Old Trust', ?, ?)",
                setId, programmeId, setId);

        // the set loads from its version-1 history: the old member counts (a duplicate is refused) ...
        assertThat(http.post("/api/sets/" + setId + "/members",
                Map.of("displayName", "Olive", "personId", oldMember)).status()).isEqualTo(409);
        // ... and new members join with the new field
        assertThat(http.post("/api/sets/" + setId + "/members",
                Map.of("displayName", "Nia", "joinedOn", "2026-02-01")).status()).isEqualTo(201);

        List<Received> records = TopicReader.readUntil(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC,
                Duration.ofSeconds(30), read -> mine(read, programmeId).size() >= 3);
        List<EventEnvelope> published = mine(records, programmeId);
        assertThat(published).extracting(EventEnvelope::eventType)
                .containsExactly("SetFormed", "MemberJoined", "MemberJoined");
        assertThat(published.get(1).schemaVersion()).isEqualTo(2);
        assertThat(published.get(1).payload().get("joinedOn").isNull()).isTrue();
        assertThat(published.get(1).payload().get("displayName").asText()).isEqualTo("Olive");
        assertThat(published.get(2).schemaVersion()).isEqualTo(2);
        assertThat(published.get(2).payload().get("joinedOn").asText()).isEqualTo("2026-02-01");
    }

    private void store(UUID aggregateId, long sequence, Class<?> type, String revision, Object payload) {
        jdbc.update("insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                        + " metadata, payload, payloadrevision, payloadtype, timestamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                aggregateId.toString(), sequence, "LearningSet", UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8), payload.toString().getBytes(StandardCharsets.UTF_8),
                revision, type.getName(), Instant.parse("2025-06-01T09:00:00Z").toString());
    }

    private static List<EventEnvelope> mine(List<Received> records, UUID programmeId) {
        return records.stream().filter(r -> r.key().equals(programmeId.toString())).map(Received::envelope).toList();
    }
}
