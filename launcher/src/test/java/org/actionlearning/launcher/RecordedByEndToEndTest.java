package org.actionlearning.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.events.envelope.EventEnvelope;
import org.actionlearning.events.envelope.Recorder;
import org.actionlearning.events.personaldata.SealedText;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * By whom each record was recorded, from the command API through the topic to "what changed" and the explanations:
 * an administrator of the organisation records a cost, the set's facilitator holds a meeting (opened with three
 * members, a challenge, a question). The sponsor sees each record's recorder by role only; the administrator sees
 * the username too. The programme, set and members were set up earlier by the platform's administrator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedServices.class)
class RecordedByEndToEndTest {

    private static final String ORGANISATION = "Recorders Trust (bywhom)";
    private static final String ADA = "ada.bywhom";
    private static final String FRAN = "fran.bywhom";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private BothServices services;
    private UUID programmeId;
    private UUID franPerson;
    private Instant lastReport;
    private HttpJson sponsor;
    private HttpJson administrator;

    @BeforeAll
    void anAdministratorAndAFacilitatorRecord(BothServices services) throws InterruptedException {
        this.services = services;
        HttpJson platform = services.commands;
        programmeId = platform.post("/api/programmes", Map.of("organisation", ORGANISATION, "name", "Recorded",
                "sponsor", "Chief Recorder", "startsOn", "2026-01-05", "currency", "GBP")).id("programmeId");
        HttpJson.Response set = platform.post("/api/sets", Map.of("programmeId", programmeId, "name", "Scribes",
                "facilitatorName", "Fran Fixture"));
        UUID setId = set.id("setId");
        List<UUID> members = new ArrayList<>();
        for (String name : List.of("Una", "Vic", "Wyn")) {
            members.add(platform.post("/api/sets/" + setId + "/members", Map.of("displayName", name)).id("personId"));
        }
        services.createUser(ADA, null, "ADMIN:" + ORGANISATION);
        franPerson = set.id("facilitatorId");
        services.createUser(FRAN, franPerson, "FACILITATOR:" + setId);
        sponsor = services.queriesAs("spo.bywhom", "SPONSOR:" + programmeId);
        administrator = services.queries.as(ADA, BothServices.PASSWORD);
        // what follows is stored after this instant (the event store's clock is the system clock)
        lastReport = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(Duration.between(Instant.now(), lastReport).toMillis() + 20);

        HttpJson ada = new HttpJson(services.commandUrl).as(ADA, BothServices.PASSWORD);
        assertThat(ada.post("/api/programmes/" + programmeId + "/costs", Map.of("category", "VENUE",
                "amount", 250, "incurredOn", "2026-02-01")).status()).isEqualTo(201);
        HttpJson fran = new HttpJson(services.commandUrl).as(FRAN, BothServices.PASSWORD);
        String meetings = "/api/sets/" + setId + "/meetings";
        UUID meetingId = fran.post(meetings, Map.of("scheduledFor", "2026-02-02")).id("meetingId");
        assertThat(fran.post(meetings + "/" + meetingId + "/open", Map.of("attendees", members)).status())
                .isLessThan(300);
        UUID challengeId = fran.post(meetings + "/" + meetingId + "/challenges",
                Map.of("presenterId", members.get(0), "title", "Lost minutes")).id("challengeId");
        assertThat(fran.post(meetings + "/" + meetingId + "/questions", Map.of("challengeId", challengeId,
                "askerId", members.get(1), "form", "OPEN")).status()).isEqualTo(201);
        await().atMost(PATIENCE).until(() -> changes(administrator).path("events").size() == 4);
    }

    private JsonNode changes(HttpJson reader) {
        HttpJson.Response response = reader.get("/api/programmes/" + programmeId + "/changes?asOf=2026-06-30&from="
                + lastReport);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    @Test
    @Order(1)
    void theSponsorSeesEachRecordersRoleAndNoName() {
        HttpJson.Response response = sponsor.get("/api/programmes/" + programmeId + "/changes?asOf=2026-06-30&from="
                + lastReport);
        assertThat(response.status()).isEqualTo(200);
        assertThat(recorders(response.body().path("events"))).containsExactly(
                "ProgrammeCostRecorded administrator -", "MeetingOpened facilitator -",
                "ChallengePresented facilitator -", "QuestionAsked facilitator -");
        assertThat(response.raw()).doesNotContain(ADA, FRAN, "\"user\"");
    }

    @Test
    @Order(1)
    void theAdministratorOfTheOrganisationSeesTheUsernamesToo() {
        assertThat(recorders(changes(administrator).path("events"))).containsExactly(
                "ProgrammeCostRecorded administrator " + ADA, "MeetingOpened facilitator " + FRAN,
                "ChallengePresented facilitator " + FRAN, "QuestionAsked facilitator " + FRAN);
    }

    @Test
    @Order(1)
    void anExplanationNamesTheRecorderOnlyToTheAdministrator() {
        String explain = "/api/programmes/" + programmeId + "/explain?figure=meetingsHeld&asOf=2026-06-30";
        HttpJson.Response forSponsor = sponsor.get(explain);
        assertThat(forSponsor.status()).isEqualTo(200);
        assertThat(recorders(forSponsor.body().path("records"))).containsExactly("MeetingOpened facilitator -");
        assertThat(forSponsor.raw()).doesNotContain(FRAN);
        assertThat(recorders(administrator.get(explain).body().path("records")))
                .containsExactly("MeetingOpened facilitator " + FRAN);
        assertThat(recorders(administrator.get("/api/programmes/" + programmeId
                + "/explain?figure=costs&asOf=2026-06-30").body().path("records")))
                .containsExactly("ProgrammeCostRecorded administrator " + ADA);
    }

    @Test
    @Order(1)
    void theDashboardsSinceTheLastReportGivesTheSponsorRolesOnly() {
        String page = "/programmes/" + programmeId + "?asOf=2026-06-30&since="
                + LocalDateTime.ofInstant(lastReport, ZoneOffset.UTC);
        HttpJson.Response forSponsor = sponsor.get(page);
        assertThat(forSponsor.status()).isEqualTo(200);
        assertThat(forSponsor.raw()).contains("class=\"recorded-by\">administrator</td>",
                "class=\"recorded-by\">facilitator</td>").doesNotContain(ADA, FRAN);
        assertThat(administrator.get(page).raw()).contains("class=\"recorded-by\">facilitator (" + FRAN + ")</td>");
    }

    /**
     * On the topic the facilitator's username is sealed with her key, as every name of a person is; the
     * administrator's account is no person's, and the envelope names it as it is. Once she is erased her username
     * is shown to nobody, and her role still is.
     */
    @Test
    @Order(2)
    void aPersonsUsernameIsSealedOnTheTopicAndGoneOnceTheyAreErased() {
        List<EventEnvelope> ours = TopicReader.readUntil(EmbeddedInfrastructure.kafkaBootstrapServers(),
                        services.topic, PATIENCE, received -> received.stream()
                                .filter(r -> programmeId.equals(r.envelope().programmeId())).count() >= 10)
                .stream().map(TopicReader.Received::envelope).filter(e -> programmeId.equals(e.programmeId()))
                .toList();
        Map<String, Recorder> byType = new java.util.HashMap<>();
        ours.forEach(e -> byType.put(e.eventType(), e.recordedBy()));
        assertThat(byType.get("ProgrammeCostRecorded")).isEqualTo(new Recorder(ADA, null, Recorder.ADMIN));
        assertThat(byType.get("QuestionAsked").personId()).isEqualTo(franPerson);
        assertThat(byType.get("QuestionAsked").role()).isEqualTo(Recorder.FACILITATOR);
        assertThat(SealedText.isSealed(byType.get("QuestionAsked").user())).isTrue();
        assertThat(ours).allSatisfy(e -> assertThat(String.valueOf(e.recordedBy())).doesNotContain(FRAN));

        assertThat(services.commands.delete("/api/people/" + franPerson).status()).isEqualTo(204);
        await().atMost(PATIENCE).until(() -> recorders(changes(administrator).path("events")).contains(
                "QuestionAsked facilitator -"));
        assertThat(recorders(changes(administrator).path("events"))).containsExactly(
                "ProgrammeCostRecorded administrator " + ADA, "MeetingOpened facilitator -",
                "ChallengePresented facilitator -", "QuestionAsked facilitator -");
    }

    /** "type role user" per record, "-" for no user. */
    private static List<String> recorders(JsonNode records) {
        List<String> lines = new ArrayList<>();
        records.forEach(r -> lines.add(r.path("type").asText() + " " + r.path("recordedBy").path("role").asText()
                + " " + r.path("recordedBy").path("user").asText("-")));
        return lines;
    }
}
