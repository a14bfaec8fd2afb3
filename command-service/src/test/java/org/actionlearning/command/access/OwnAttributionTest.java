package org.actionlearning.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * A participant of a programme (a member of one of its sets) gives their own attribution estimate for its metrics,
 * in their own name only and once; a member of another programme's set, a sponsor and an account that is no person
 * are refused.
 */
class OwnAttributionTest extends CommandServiceTest {

    @Test
    void aMemberOfAnySetOfTheProgrammeEstimatesForThemselfOnly() {
        Scenario scenario = new Scenario(http);
        UUID programme = scenario.launchProgramme("Attribution");
        UUID first = scenario.formSet(programme, "First");
        UUID second = scenario.formSet(programme, "Second");
        List<UUID> firstMembers = scenario.addMembers(first, 2);
        UUID secondMember = scenario.addMembers(second, 1).get(0);
        UUID elsewhere = scenario.formSet(scenario.launchProgramme("Elsewhere"), "Other");
        UUID outsider = scenario.addMembers(elsewhere, 1).get(0);
        UUID metric = Scenario.created(http.post("/api/outcomes", Map.of("programmeId", programme, "name", "Delay",
                "unit", "hours", "direction", "DECREASE", "period", "WEEK")), "metricId");
        String path = "/api/outcomes/" + metric + "/attributions";

        Accounts accounts = new Accounts(http);
        HttpJson ann = accounts.create("ann", firstMembers.get(0), List.of("MEMBER:" + first));
        HttpJson gus = accounts.create("gus", secondMember, List.of("MEMBER:" + second));
        HttpJson out = accounts.create("out", outsider, List.of("MEMBER:" + elsewhere));
        HttpJson sponsor = accounts.create("spo", List.of("SPONSOR:" + programme));

        Map<String, Object> estimate = Map.of("attributionPercent", 60, "confidencePercent", 80);
        assertThat(ann.post(path + "/mine", estimate).status()).isEqualTo(201);
        // a member of the programme's other set is a participant too
        assertThat(gus.post(path, Map.of("attributionPercent", 40, "confidencePercent", 50,
                "estimatedBy", secondMember)).status()).isEqualTo(201);
        // in someone else's name: refused, whoever they are
        assertThat(ann.post(path, Map.of("attributionPercent", 90, "confidencePercent", 90,
                "estimatedBy", firstMembers.get(1))).status()).isEqualTo(403);
        assertThat(ann.post(path, estimate).status()).isEqualTo(403);   // no name: an administrator's record
        assertThat(out.post(path + "/mine", estimate).status()).isEqualTo(403);
        assertThat(sponsor.post(path + "/mine", estimate).status()).isEqualTo(403);
        // once each: a second estimate would weigh twice in the mean
        Response again = ann.post(path + "/mine", Map.of("attributionPercent", 70, "confidencePercent", 80));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("errors").get(0).path("field").asText()).isEqualTo("estimatedBy");
        // out of range is a 400 naming the field, as for an administrator
        Response bad = gus.post(path + "/mine", Map.of("attributionPercent", 101, "confidencePercent", 80));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("attributionPercent");
    }

    @Test
    void anOwnEstimateIsDatedBetweenTheProgrammesStartAndToday() {
        Scenario scenario = new Scenario(http);
        UUID programme = scenario.launchProgramme("Dated estimates");   // starts 2026-01-05
        UUID set = scenario.formSet(programme, "Set");
        UUID member = scenario.addMembers(set, 1).get(0);
        UUID metric = Scenario.created(http.post("/api/outcomes", Map.of("programmeId", programme, "name", "Delay",
                "unit", "hours", "direction", "DECREASE", "period", "WEEK")), "metricId");
        String mine = "/api/outcomes/" + metric + "/attributions/mine";
        HttpJson ann = new Accounts(http).create("dated", member, List.of("MEMBER:" + set));
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);

        for (String date : List.of("2200-01-01", tomorrow.toString(), "1900-01-01", "2026-01-04")) {
            Response refused = ann.post(mine, Map.of("attributionPercent", 60, "confidencePercent", 80,
                    "estimatedOn", date));
            assertThat(refused.status()).as(date + ": " + refused.raw()).isEqualTo(400);
            assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("estimatedOn");
        }
        // none of them used up the one estimate: the programme's first day is still open to it
        assertThat(ann.post(mine, Map.of("attributionPercent", 60, "confidencePercent", 80,
                "estimatedOn", "2026-01-05")).status()).isEqualTo(201);
    }
}
