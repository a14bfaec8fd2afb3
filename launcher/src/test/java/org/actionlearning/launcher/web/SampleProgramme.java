package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.testsupport.HttpJson;

/**
 * A programme recorded through the command API for the browser tests, shaped so that every part of the pages has
 * something to show.
 *
 * <pre>
 * "Discharge flow" (St Elsewhere NHS Trust, GBP); a second programme "Energy saving" with nothing in it.
 *   Set Wards (Ann, Ben, Cat, Dev, Eve), facilitator Fran Okafor
 *     2026-02-02 all five; Ann presents. Ben 3 open questions + 2 advice, Cat 1 closed, Dev 1 open, Ann 1 answer,
 *                Eve silent: contributions 1 5 1 1 0, dominance 5 × 5/8 = 3.125 (flag), Eve silent (flag)
 *     2026-03-02 Eve absent; Ben presents. Ann 2 open + 1 advice, Cat 1 open + 1 advice, Dev 1 closed + 1 advice,
 *                Ben 1 reflection: question focus 4 / (4 + 3) = 0.57 (flag)
 *     2026-03-30 all five; Cat presents. Ann, Ben, Dev, Eve 1 open each, Eve 1 reflection, Cat 1 answer: no flag
 *   Set Pharmacy (Gus, Hal, Ivy, Jo), facilitator Sam Reyes: 2026-02-10, Gus presents, Hal and Ivy ask
 *   Actions: on time, late, abandoned, open and overdue (due 2026-03-30), open (due 2099-12-31)
 *   Metrics: discharge delay (DECREASE, weekly, 50 per hour, target 15% in 92 days; SHIFT and TREND),
 *            staff engagement (INCREASE, monthly, intangible, target 10% in 120 days),
 *            agency shifts (DECREASE, monthly, 300 per shift, no target, no estimate)
 *   Costs: facilitation 6000, participant time 4000, venue 1500, materials 350.50
 * </pre>
 */
public final class SampleProgramme {

    /** The total of the costs: recorded last, so once the read side shows it, it shows everything before it. */
    static final double TOTAL_COSTS = 11_850.50;

    /** The organisations of the two programmes (their names end with the tag given, if any). */
    final String organisation;
    final String otherOrganisation;
    final UUID programmeId;
    final UUID otherProgrammeId;
    final UUID wards;
    final UUID pharmacy;
    final UUID dischargeDelay;
    final Map<String, UUID> member = new LinkedHashMap<>();
    /** The challenge presented in each meeting. */
    private final Map<UUID, UUID> challenges = new LinkedHashMap<>();
    private final HttpJson cmd;

    public SampleProgramme(HttpJson cmd) {
        this(cmd, "");
    }

    /**
     * The sample in organisations of its own: {@code tag} (e.g. the test class's name) ends their names, so that
     * test classes sharing one platform each see only their own sample in an organisation's pages.
     */
    public SampleProgramme(HttpJson cmd, String tag) {
        this.cmd = cmd;
        String suffix = tag.isEmpty() ? "" : " (" + tag + ")";
        organisation = "St Elsewhere NHS Trust" + suffix;
        otherOrganisation = "Northfield Council" + suffix;
        programmeId = id(cmd.post("/api/programmes", Map.of("organisation", organisation,
                "name", "Discharge flow", "sponsor", "Chief Nurse", "startsOn", "2026-01-05", "currency", "GBP")),
                "programmeId");
        otherProgrammeId = id(cmd.post("/api/programmes", Map.of("organisation", otherOrganisation,
                "name", "Energy saving", "sponsor", "Director of Estates", "startsOn", "2026-02-01",
                "currency", "EUR")), "programmeId");

        wards = set("Wards", "Fran Okafor", "Ann", "Ben", "Cat", "Dev", "Eve");
        UUID first = meeting(wards, "2026-02-02", "Ann", "Delayed discharges", "Ann", "Ben", "Cat", "Dev", "Eve");
        contributions(wards, first, "Ben:OPEN", "Ben:OPEN", "Ben:OPEN", "Ben:ADVICE", "Ben:ADVICE", "Cat:CLOSED",
                "Dev:OPEN", "Ann:ANSWER");
        UUID onTime = action(wards, first, "Ann", "Map the discharge steps", "2026-02-16");
        UUID late = action(wards, first, "Ann", "Agree a discharge checklist", "2026-02-20");
        close(wards, first);

        UUID second = meeting(wards, "2026-03-02", "Ben", "Pharmacy hand-offs", "Ann", "Ben", "Cat", "Dev");
        contributions(wards, second, "Ann:OPEN", "Ann:OPEN", "Ann:ADVICE", "Cat:OPEN", "Cat:ADVICE", "Dev:CLOSED",
                "Dev:ADVICE", "Ben:REFLECTION");
        UUID abandoned = action(wards, second, "Ben", "Pilot a pharmacy runner", "2026-03-16");
        action(wards, second, "Ben", "Share the hand-off data", "2026-03-30");
        close(wards, second);

        UUID third = meeting(wards, "2026-03-30", "Cat", "Weekend discharges", "Ann", "Ben", "Cat", "Dev", "Eve");
        contributions(wards, third, "Ann:OPEN", "Ben:OPEN", "Dev:OPEN", "Eve:OPEN", "Eve:REFLECTION",
                "Cat:ANSWER");
        action(wards, third, "Cat", "Propose a weekend rota", "2099-12-31");
        close(wards, third);

        ok(cmd.post("/api/actions/" + onTime + "/complete", Map.of("completedOn", "2026-02-12")));
        ok(cmd.post("/api/actions/" + late + "/complete", Map.of("completedOn", "2026-03-01")));
        ok(cmd.post("/api/actions/" + abandoned + "/abandon", Map.of("abandonedOn", "2026-03-10",
                "reason", "superseded by the trust-wide pilot")));

        pharmacy = set("Pharmacy", "Sam Reyes", "Gus", "Hal", "Ivy", "Jo");
        UUID pharmacyMeeting = meeting(pharmacy, "2026-02-10", "Gus", "Stock-outs", "Gus", "Hal", "Ivy", "Jo");
        contributions(pharmacy, pharmacyMeeting, "Hal:OPEN", "Ivy:OPEN", "Ivy:CLOSED");
        close(pharmacy, pharmacyMeeting);

        dischargeDelay = metric("discharge delay", "hours", "DECREASE", "WEEK", 50.0, 15, 92);
        points(dischargeDelay, "baseline", "2026-01-05", 100, "2026-01-12", 104, "2026-01-19", 96);
        points(dischargeDelay, "measurements", "2026-01-26", 98, "2026-02-02", 95, "2026-02-09", 92,
                "2026-02-16", 88, "2026-02-23", 86, "2026-03-02", 84);
        estimate(dischargeDelay, 60, 80);
        estimate(dischargeDelay, 40, 50);
        estimate(dischargeDelay, 68, 50);   // a third, so that they count: (0.48 + 0.2 + 0.34) / 3 = 0.34

        UUID engagement = metric("staff engagement", "score", "INCREASE", "MONTH", null, 10, 120);
        points(engagement, "baseline", "2025-11-30", 60, "2025-12-31", 62, "2026-01-31", 58);
        points(engagement, "measurements", "2026-02-28", 63, "2026-03-31", 66, "2026-04-30", 68);

        UUID agencyShifts = metric("agency shifts", "shifts", "DECREASE", "MONTH", 300.0, null, null);
        points(agencyShifts, "baseline", "2025-12-31", 40, "2026-01-31", 44);
        points(agencyShifts, "measurements", "2026-02-28", 38, "2026-03-31", 36);

        cost("FACILITATION", 6000, "2026-01-05");
        cost("PARTICIPANT_TIME", 4000, "2026-03-31");
        cost("VENUE", 1500, "2026-01-05");
        cost("MATERIALS", 350.50, "2026-01-05");
    }

    private UUID set(String name, String facilitator, String... names) {
        UUID setId = id(cmd.post("/api/sets", Map.of("programmeId", programmeId, "name", name,
                "facilitatorName", facilitator)), "setId");
        for (String person : names) {
            member.put(person, id(cmd.post("/api/sets/" + setId + "/members", Map.of("displayName", person)),
                    "personId"));
        }
        return setId;
    }

    /** Schedules and opens a meeting with the attendees and has {@code presenter} present; answers its id. */
    private UUID meeting(UUID setId, String date, String presenter, String title, String... attendees) {
        UUID meetingId = id(cmd.post("/api/sets/" + setId + "/meetings", Map.of("scheduledFor", date)), "meetingId");
        ok(cmd.post(path(setId, meetingId, "/open"),
                Map.of("attendees", List.of(attendees).stream().map(member::get).toList())));
        challenges.put(meetingId, id(cmd.post(path(setId, meetingId, "/challenges"),
                Map.of("presenterId", member.get(presenter), "title", title)), "challengeId"));
        return meetingId;
    }

    /** Each "Name:FORM" is a question (OPEN, CLOSED) or a statement (ANSWER, ADVICE, REFLECTION) on the challenge. */
    private void contributions(UUID setId, UUID meetingId, String... said) {
        UUID challengeId = challenges.get(meetingId);
        for (String one : said) {
            String[] parts = one.split(":");
            UUID person = member.get(parts[0]);
            boolean question = parts[1].equals("OPEN") || parts[1].equals("CLOSED");
            created(question
                    ? cmd.post(path(setId, meetingId, "/questions"),
                            Map.of("challengeId", challengeId, "askerId", person, "form", parts[1]))
                    : cmd.post(path(setId, meetingId, "/statements"),
                            Map.of("challengeId", challengeId, "speakerId", person, "kind", parts[1])));
        }
    }

    private UUID action(UUID setId, UUID meetingId, String owner, String description, String dueOn) {
        return id(cmd.post(path(setId, meetingId, "/actions"), Map.of("challengeId", challenges.get(meetingId),
                "ownerId", member.get(owner), "description", description, "dueOn", dueOn)), "actionId");
    }

    private void close(UUID setId, UUID meetingId) {
        ok(cmd.post(path(setId, meetingId, "/close"), Map.of()));
    }

    private UUID metric(String name, String unit, String direction, String period, Double valuePerUnit,
                        Integer targetPercent, Integer withinDays) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("programmeId", programmeId, "name", name, "unit", unit,
                "direction", direction, "period", period));
        if (valuePerUnit != null) {
            body.put("valuePerUnit", valuePerUnit);
        }
        if (targetPercent != null) {
            body.put("target", Map.of("changePercent", targetPercent, "withinDays", withinDays));
        }
        return id(cmd.post("/api/outcomes", body), "metricId");
    }

    /** Pairs of date and value. */
    private void points(UUID metricId, String series, Object... datesAndValues) {
        for (int i = 0; i < datesAndValues.length; i += 2) {
            created(cmd.post("/api/outcomes/" + metricId + "/" + series,
                    Map.of("measuredOn", datesAndValues[i], "value", datesAndValues[i + 1])));
        }
    }

    private void estimate(UUID metricId, int attribution, int confidence) {
        created(cmd.post("/api/outcomes/" + metricId + "/attributions",
                Map.of("attributionPercent", attribution, "confidencePercent", confidence)));
    }

    private void cost(String category, double amount, String incurredOn) {
        created(cmd.post("/api/programmes/" + programmeId + "/costs",
                Map.of("category", category, "amount", amount, "incurredOn", incurredOn)));
    }

    private static String path(UUID setId, UUID meetingId, String suffix) {
        return "/api/sets/" + setId + "/meetings/" + meetingId + suffix;
    }

    private static UUID id(HttpJson.Response response, String field) {
        created(response);
        return response.id(field);
    }

    private static void created(HttpJson.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
    }

    private static void ok(HttpJson.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }
}
