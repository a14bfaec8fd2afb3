package org.actionlearning.command.personaldata;

import static org.actionlearning.command.support.Scenario.created;
import static org.actionlearning.command.support.Scenario.meeting;
import static org.actionlearning.command.support.Scenario.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.events.envelope.EventJson;
import org.actionlearning.events.envelope.EventType;
import org.actionlearning.events.envelope.EventTypes;
import org.actionlearning.events.personaldata.PersonalData;
import org.actionlearning.events.personaldata.PersonalData.Via;
import org.actionlearning.events.personaldata.PersonalDataFields;
import org.actionlearning.events.personaldata.SealedText;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * Every personal field reaches the event store only as a token sealed for its subject; erasing a person makes
 * their tokens unreadable, publishes PersonErased in their programme, and refuses anything new about them.
 */
class PersonalDataSealedTest extends CommandServiceTest {

    /** Plaintexts sent, each distinctive, by the personal field that carried it. */
    private final Map<String, String> sent = new LinkedHashMap<>();

    @Test
    void everyPersonalFieldIsStoredAsATokenOfItsSubjectAndErasureShredsIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID programmeId = new Scenario(http).launchProgramme("Sealing " + tag);
        UUID setId = created(http.post("/api/sets", Map.of("programmeId", programmeId, "name", "Set " + tag,
                "facilitatorName", text("SetFormed.facilitatorName", tag))), "setId");
        UUID presenter = member(setId, tag, "presenter");
        UUID asker = member(setId, tag, "asker");
        UUID meetingId = new Scenario(http).scheduleMeeting(setId, "2026-02-02");
        new Scenario(http).openMeeting(setId, meetingId, List.of(presenter, asker));
        String base = meeting(setId, meetingId);
        UUID challengeId = created(http.post(base + "/challenges", Map.of("presenterId", presenter,
                "title", text("ChallengePresented.title", tag),
                "summary", text("ChallengePresented.summary", tag))), "challengeId");
        created(http.post(base + "/questions", Map.of("challengeId", challengeId, "askerId", asker, "form", "OPEN",
                "text", text("QuestionAsked.text", tag))), "contributionId");
        created(http.post(base + "/statements", Map.of("speakerId", asker, "kind", "ADVICE",
                "challengeId", challengeId, "text", text("StatementMade.text", tag))), "contributionId");
        UUID kept = created(http.post(base + "/actions", Map.of("challengeId", challengeId, "ownerId", presenter,
                "description", text("ActionCommitted.description", tag), "dueOn", "2026-03-01")), "actionId");
        UUID dropped = created(http.post(base + "/actions", Map.of("challengeId", challengeId, "ownerId", presenter,
                "description", "second " + tag, "dueOn", "2026-03-01")), "actionId");
        created(http.post(base + "/reflections", Map.of("personId", asker,
                "text", text("ReflectionRecorded.text", tag))), "reflectionId");
        ok(http.post("/api/actions/" + kept + "/progress", Map.of("reportedOn", "2026-02-10", "percentComplete", 40,
                "note", text("ActionProgressReported.note", tag))));
        ok(http.post("/api/actions/" + kept + "/reschedule", Map.of("dueOn", "2026-03-15",
                "reason", text("ActionRescheduled.reason", tag))));
        ok(http.post("/api/actions/" + kept + "/complete", Map.of("completedOn", "2026-03-10",
                "evidence", text("ActionCompleted.evidence", tag))));
        ok(http.post("/api/actions/" + dropped + "/abandon", Map.of("abandonedOn", "2026-03-10",
                "reason", text("ActionAbandoned.reason", tag))));

        List<StoredEvent> stored = storedEventsOf(programmeId);
        assertThat(allStoredBytes()).as("no plaintext anywhere in the event store")
                .allSatisfy(bytes -> assertThat(bytes).doesNotContain(sent.values().toArray(String[]::new)));
        Map<String, String> tokens = tokensByField(stored);
        assertThat(tokens).as("every personal field was exercised").containsOnlyKeys(sent.keySet());
        tokens.forEach((field, token) -> assertThat(unseal(token)).as(field).isEqualTo(sent.get(field)));

        // erase the asker: their tokens go, the presenter's stay; the programme's readers are told
        String askersReflection = tokens.get("ReflectionRecorded.text");
        assertThat(http.delete("/api/people/" + asker).status()).isEqualTo(204);
        assertThat(unseal(askersReflection)).isNull();
        assertThat(unseal(tokens.get("QuestionAsked.text"))).isNull();
        assertThat(unseal(tokens.get("ChallengePresented.title"))).isEqualTo(sent.get("ChallengePresented.title"));
        assertThat(erasures(programmeId)).containsExactly(asker.toString());

        // a second erasure is a no-op; an unknown person is 404; nothing new is recorded about the erased person
        assertThat(http.delete("/api/people/" + asker).status()).isEqualTo(204);
        assertThat(erasures(programmeId)).hasSize(1);
        HttpJson.Response unknown = http.delete("/api/people/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().at("/errors/0/field").asText()).isEqualTo("personId");
        HttpJson.Response rejoin = http.post("/api/sets/" + setId + "/members",
                Map.of("displayName", "Back again", "personId", asker));
        assertThat(rejoin.status()).isEqualTo(409);
        assertThat(rejoin.body().at("/errors/0/field").asText()).isEqualTo("personId");
    }

    @Test
    void unsealingAnswersNullForWhatCannotBeOpened() {
        HttpJson.Response answer = asService().post("/api/internal/personal-data/unseal",
                Map.of("tokens", List.of("plain text", new SealedText(UUID.randomUUID(), new byte[40]).format())));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/values/plain text").isNull()).isTrue();
        assertThat(answer.body().at("/rejected/0").asText()).isEqualTo("plain text");
        assertThat(answer.body().get("rejected")).hasSize(1);
    }

    @Test
    void followUpsOfAnUnknownActionAre404() {
        HttpJson.Response answer = http.post("/api/actions/" + UUID.randomUUID() + "/complete",
                Map.of("completedOn", "2026-03-10", "evidence", "done"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().at("/errors/0/field").asText()).isEqualTo("actionId");
    }

    private String text(String field, String tag) {
        String plaintext = "Quillfeather " + field + " " + tag;
        sent.put(field, plaintext);
        return plaintext;
    }

    private UUID member(UUID setId, String tag, String role) {
        String name = "Zebedee " + role + " " + tag;
        sent.putIfAbsent("MemberJoined.displayName", name);
        return created(http.post("/api/sets/" + setId + "/members", Map.of("displayName", name)), "personId");
    }

    /** Unsealing is for the platform's services: the built-in service user. */
    private HttpJson asService() {
        return http.as("service", TestIdentity.SERVICE_PASSWORD);
    }

    @Test
    void onlyTheServicesMayUnsealAndOnlyAdministratorsErase() {
        HttpJson.Response asAdmin = http.post("/api/internal/personal-data/unseal", Map.of("tokens", List.of("x")));
        assertThat(asAdmin.status()).isEqualTo(403);
        HttpJson.Response asService = asService().delete("/api/people/" + UUID.randomUUID());
        assertThat(asService.status()).isEqualTo(403);
        assertThat(asService.body().get("detail").asText()).contains("ADMIN");
    }

    private String unseal(String token) {
        HttpJson.Response answer = asService().post("/api/internal/personal-data/unseal",
                Map.of("tokens", List.of(token)));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode value = answer.body().get("values").get(token);
        return value.isNull() ? null : value.asText();
    }

    private record StoredEvent(EventType type, JsonNode payload) {
    }

    private List<StoredEvent> storedEventsOf(UUID programmeId) {
        return jdbc.query("select payloadtype, payload from domainevententry order by globalindex", (rs, n) ->
                        new StoredEvent(EventTypes.byClassName(rs.getString(1)).orElseThrow(),
                                readTree(rs.getBytes(2))))
                .stream().filter(e -> e.payload().get("programmeId").asText().equals(programmeId.toString()))
                .toList();
    }

    private List<String> allStoredBytes() {
        List<String> all = new ArrayList<>();
        for (String table : List.of("domainevententry", "snapshotevententry")) {
            jdbc.query("select payload, metadata from " + table, rs -> {
                all.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                byte[] metadata = rs.getBytes(2);
                all.add(metadata == null ? "" : new String(metadata, StandardCharsets.UTF_8));
            });
        }
        return all;
    }

    /** The first token of each personal field, checked to be sealed for the subject its annotation names. */
    private static Map<String, String> tokensByField(List<StoredEvent> events) {
        Map<String, String> owners = new HashMap<>();
        events.stream().filter(e -> e.type().name().equals("ActionCommitted"))
                .forEach(e -> owners.put(e.payload().get("actionId").asText(), e.payload().get("ownerId").asText()));
        Map<String, String> tokens = new LinkedHashMap<>();
        for (StoredEvent event : events) {
            for (var component : PersonalDataFields.of(event.type().javaType())) {
                JsonNode value = event.payload().get(component.getName());
                if (value == null || value.isNull()) {
                    continue;
                }
                PersonalData marked = component.getAnnotation(PersonalData.class);
                String subjectId = event.payload().get(marked.subject()).asText();
                String expected = marked.via() == Via.ACTION_OWNER ? owners.get(subjectId) : subjectId;
                String field = event.type().name() + "." + component.getName();
                assertThat(SealedText.isSealed(value.asText())).as(field).isTrue();
                assertThat(SealedText.subjectOf(value.asText()).toString()).as(field).isEqualTo(expected);
                tokens.putIfAbsent(field, value.asText());
            }
        }
        return tokens;
    }

    private List<String> erasures(UUID programmeId) {
        return storedEventsOf(programmeId).stream().filter(e -> e.type().name().equals("PersonErased"))
                .map(e -> e.payload().get("personId").asText()).toList();
    }

    private static JsonNode readTree(byte[] bytes) {
        try {
            return EventJson.mapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
