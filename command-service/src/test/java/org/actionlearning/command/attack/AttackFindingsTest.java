package org.actionlearning.command.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.HttpJson.Response;
import org.junit.jupiter.api.Test;

/**
 * The holes an attack on the running platform found in the command service, each shut: organisation names that
 * pass for the operators' scope or another organisation's, grants with ids written in upper case, the pulse in the
 * change audit, a pulse for a meeting not yet held, a direct {@code /error}, a malformed aggregate id in the audit,
 * and an estimate put to another organisation's person.
 */
class AttackFindingsTest extends CommandServiceTest {

    @Test
    void anOrganisationNamedStarOrWithInvisibleOrSurroundingSpaceIsRefusedNamingIt() {
        for (String name : List.of("*", " Org", "Org ", "Org\u200B", "\u00A0Org", "Or\u2028g", "\u202EOrg")) {
            Response launched = http.post("/api/programmes", Map.of("organisation", name, "name", "P",
                    "sponsor", "S", "startsOn", "2026-01-05", "currency", "GBP"));

            assertThat(launched.status()).as("'%s': %s", name, launched.raw()).isEqualTo(400);
            assertThat(field(launched)).isEqualTo("organisation");
        }
        assertThat(http.post("/api/programmes", Map.of("organisation", "North West Trust", "name", "P",
                "sponsor", "S", "startsOn", "2026-01-05", "currency", "GBP")).status()).isEqualTo(201);
    }

    @Test
    void aGrantWithAnUpperCaseIdIsStoredAndShownAsTheId() {
        Scenario scenario = new Scenario(http);
        UUID setId = scenario.formSet(scenario.launchProgramme("Grants " + suffix()), "Set");
        String username = "upper-" + suffix();

        Response created = http.post("/api/users", Map.of("username", username, "password", Accounts.PASSWORD,
                "grants", List.of("MEMBER:" + setId.toString().toUpperCase())));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(jdbc.queryForList("select scope from user_grant where username = ?", String.class, username))
                .containsExactly(setId.toString());
        JsonNode listed = listed(username);
        assertThat(listed.path("grants").get(0).asText()).isEqualTo("MEMBER:" + setId);
    }

    @Test
    void theChangeAuditLeavesThePulseOutAndAMalformedAggregateIdIsA400() {
        Meeting meeting = meetingOn(today());
        Response answered = meeting.member.post(Scenario.meeting(meeting.setId, meeting.meetingId) + "/pulse",
                Map.of("items", List.of(5, 5, 5, 5, 5, 5, 5)));
        assertThat(answered.status()).as(answered.raw()).isEqualTo(201);

        Response changes = http.get("/api/audit/changes?aggregateId=" + meeting.setId);
        Response malformed = http.get("/api/audit/changes?aggregateId=x");

        assertThat(changes.status()).isEqualTo(200);
        List<String> events = new ArrayList<>();
        changes.body().forEach(change -> events.add(change.path("event").asText()));
        assertThat(events).contains("MeetingOpened").doesNotContain("PulseAnswered", "PulseContributed");
        assertThat(malformed.status()).as(malformed.raw()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(field(malformed)).isEqualTo("aggregateId");
    }

    @Test
    void aPulseForAMeetingDatedLaterIsRefusedUntilItsDay() {
        LocalDate later = today().plusDays(13);
        Meeting meeting = meetingOn(later);

        Response answered = meeting.member.post(Scenario.meeting(meeting.setId, meeting.meetingId) + "/pulse",
                Map.of("items", List.of(5, 5, 5, 5, 5, 5, 5)));

        assertThat(answered.status()).as(answered.raw()).isEqualTo(409);
        assertThat(field(answered)).isEqualTo("meetingId");
        assertThat(answered.body().path("detail").asText()).contains("opens on " + later);
    }

    @Test
    void aDirectErrorPathIsA404Problem() {
        for (HttpJson client : List.of(http, http.anonymous())) {
            Response error = client.get("/error");

            assertThat(error.status()).as(error.raw()).isEqualTo(404);
            assertThat(error.contentType()).startsWith("application/problem+json");
            assertThat(error.body().path("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void anEstimateIsByAPersonOfTheProgrammesOrganisationOrByNobodyNamed() {
        Scenario scenario = new Scenario(http);
        UUID programmeId = scenario.launchProgramme("Estimates " + suffix());
        UUID own = scenario.addMembers(scenario.formSet(programmeId, "Set"), 1).get(0);
        UUID foreignProgramme = Scenario.created(http.post("/api/programmes", Map.of("organisation",
                "Elsewhere " + suffix(), "name", "P", "sponsor", "S", "startsOn", "2026-01-05", "currency", "GBP")),
                "programmeId");
        UUID foreign = scenario.addMembers(scenario.formSet(foreignProgramme, "Set"), 1).get(0);
        UUID metricId = Scenario.created(http.post("/api/outcomes", Map.of("programmeId", programmeId,
                "name", "Delay", "unit", "hours", "direction", "DECREASE", "period", "WEEK")), "metricId");
        String path = "/api/outcomes/" + metricId + "/attributions";

        Response byForeign = http.post(path, estimate(foreign));
        Response byUnknown = http.post(path, estimate(UUID.randomUUID()));
        Response byOwn = http.post(path, estimate(own));
        Response byNobody = http.post(path, Map.of("attributionPercent", 50, "confidencePercent", 50));

        for (Response refused : List.of(byForeign, byUnknown)) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(field(refused)).isEqualTo("estimatedBy");
        }
        assertThat(byUnknown.body().path("detail")).as("unknown and foreign alike")
                .isEqualTo(byForeign.body().path("detail"));
        assertThat(byOwn.status()).as(byOwn.raw()).isEqualTo(201);
        assertThat(byNobody.status()).as(byNobody.raw()).isEqualTo(201);
    }

    private static Map<String, Object> estimate(UUID estimatedBy) {
        return Map.of("attributionPercent", 50, "confidencePercent", 50, "estimatedBy", estimatedBy);
    }

    private record Meeting(UUID setId, UUID meetingId, HttpJson member) {
    }

    /** A meeting of three opened on {@code on}, and a client signed in as its first attendee. */
    private Meeting meetingOn(LocalDate on) {
        Scenario scenario = new Scenario(http);
        UUID setId = scenario.formSet(scenario.launchProgramme("Pulse " + suffix()), "Set");
        List<UUID> members = scenario.addMembers(setId, 3);
        UUID meetingId = scenario.scheduleMeeting(setId, on.toString());
        Scenario.ok(http.post(Scenario.meeting(setId, meetingId) + "/open", Map.of("attendees", members,
                "openedOn", on.toString())));
        HttpJson member = new Accounts(http).create("pulse", members.get(0), List.of("MEMBER:" + setId));
        return new Meeting(setId, meetingId, member);
    }

    private JsonNode listed(String username) {
        for (JsonNode user : http.get("/api/users").body()) {
            if (user.path("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError(username + " not listed");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String field(Response response) {
        return response.body().path("errors").get(0).path("field").asText();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
