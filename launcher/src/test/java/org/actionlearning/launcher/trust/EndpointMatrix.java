package org.actionlearning.launcher.trust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Every command and query endpoint of both services, and the pages, each as a concrete request aimed at one
 * organisation's things (the victim's ids in the path and the body; bodies otherwise valid, so that only access
 * decides the answer). {@code AdversarialSuiteTest} checks that this list covers every operation the services'
 * OpenAPI documents describe, so a new endpoint cannot be left out unnoticed.
 */
final class EndpointMatrix {

    enum Service { COMMAND, QUERY, PAGE }

    /** What a caller with no right to the victim's things may get back. */
    enum Expect {
        /** 403 or 404: the caller may not, or may not know it exists */
        REFUSED,
        /** the victim's id travels in the body: 403 or 404, or a 400 or 422 naming that field */
        REFUSED_IN_BODY,
        /** a list filtered to what the caller may see: 2xx holding none of the victim's data, or 403/404 */
        LISTED,
        /** a request mixing the caller's own ids with the victim's: any 4xx, never a 2xx */
        NEVER_2XX
    }

    /** @param template the path as the OpenAPI document writes it; {@code body} gives a fresh body per call */
    record Endpoint(Service service, String method, String template, String path, Supplier<Object> body,
                    Expect expect) {

        String describe() {
            return (service == Service.PAGE ? "page " : "") + method + " " + template;
        }
    }

    /**
     * Operations the matrix leaves out on purpose, with the reason (a test elsewhere covers them). Keys as in
     * {@link #key}.
     */
    static final Map<String, String> EXEMPT = Map.ofEntries(
            Map.entry(key("POST", "/api/auth/token"), "issues a token for the caller's own grants, with no ids to aim at another "
                    + "organisation; forged and replayed tokens are tested on their own"),
            Map.entry(key("GET", "/login"), "the sign-in form, the same for everyone"),
            Map.entry(key("GET", "/api/account/email"), "the signed-in user's own address: no id to aim at another's "
                    + "(ActionRemindersTest, AccessMatrixTest)"),
            Map.entry(key("PUT", "/api/account/email"), "sets the signed-in user's own address: no id to aim at another's "
                    + "(ActionRemindersTest, AccessMatrixTest)"),
            Map.entry(key("GET", "/me/actions"), "the signed-in member's own actions: no id to aim at another's "
                    + "(AccessMatrixTest, MemberPagesBrowserTest)"),
            Map.entry(key("GET", "/me/participation"), "the signed-in member's own participation: no id to aim at another's "
                    + "(AccessMatrixTest, MemberPagesBrowserTest)"),
            Map.entry(key("GET", "/me/estimates"), "the signed-in member's own attribution estimates: no id to aim at another's "
                    + "(AccessMatrixTest, MemberPagesBrowserTest)"),
            Map.entry(key("POST", "/api/auth/set-password"), "takes no sign-in and no ids: a one-time link's token is the proof "
                    + "(AccessLinksTest: unknown, used and expired links refused)"),
            Map.entry(key("GET", "/set-password"), "the set-password form, the same for everyone"),
            Map.entry(key("POST", "/api/auth/set-password/check"), "takes no sign-in and no ids: a one-time link's "
                    + "token is the proof; answers whose link it is (SetPasswordLinkBrowserTest)"),
            Map.entry(key("POST", "/api/auth/token/renew"), "renews the caller's own token with their account's own grants, no "
                    + "ids to aim at another organisation (TokenRenewalTest)"),
            Map.entry(key("GET", "/api/account/password-notice"), "how the signed-in user's own password was last set: no id "
                    + "to aim at another's (AdministratorImpersonationTest)"),
            Map.entry(key("POST", "/api/account/password"), "changes the signed-in user's own password, given the "
                    + "current one: no id to aim at another's (OwnPasswordChangeTest, ChangePasswordBrowserTest)"),
            Map.entry(key("GET", "/account/password"), "the change-password form, the same for everyone "
                    + "(ChangePasswordBrowserTest)"));

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private EndpointMatrix() {
    }

    /** A method and path template with the variable names dropped: {@code POST /api/sets/{}/members}. */
    static String key(String method, String template) {
        return method.toUpperCase() + " " + template.replaceAll("\\{[^}]*}", "{}");
    }

    /** Every endpoint aimed at {@code victim}'s things; {@code own} is the caller's organisation (mixed-id cases). */
    static List<Endpoint> aimedAt(Organisation victim, Organisation own) {
        List<Endpoint> all = new ArrayList<>();
        UUID p = victim.programmeId;
        UUID s = victim.setId;
        String meeting = "/api/sets/" + s + "/meetings/" + victim.meetingId;
        String meetings = "/api/sets/{setId}/meetings/{meetingId}";
        UUID asker = victim.members.get(0);
        UUID presenter = victim.members.get(1);

        // ---- command service
        inBody(all, "POST", "/api/programmes", () -> Map.of("organisation", victim.name,
                "name", "Intruded " + next(), "sponsor", "Mallory", "startsOn", "2026-01-05", "currency", "GBP"));
        command(all, "POST", "/api/programmes/{programmeId}/costs", "/api/programmes/" + p + "/costs",
                () -> Map.of("category", "VENUE", "amount", 1, "incurredOn", "2026-03-01"));
        command(all, "POST", "/api/programmes/{programmeId}/close", "/api/programmes/" + p + "/close",
                () -> Map.of("closedOn", "2026-12-31"));
        inBody(all, "POST", "/api/sets", () -> Map.of("programmeId", p, "name", "Intruders",
                "facilitatorName", "Mallory"));
        command(all, "POST", "/api/sets/{setId}/members", "/api/sets/" + s + "/members",
                () -> Map.of("displayName", "Mallory"));
        command(all, "DELETE", "/api/sets/{setId}/members/{personId}", "/api/sets/" + s + "/members/"
                + victim.members.get(3), null);
        command(all, "POST", "/api/sets/{setId}/meetings", "/api/sets/" + s + "/meetings",
                () -> Map.of("scheduledFor", "2026-05-05"));
        command(all, "POST", meetings + "/open", meeting + "/open", () -> Map.of("attendees", victim.members));
        command(all, "POST", meetings + "/challenges", meeting + "/challenges",
                () -> Map.of("presenterId", presenter, "title", "Intruded"));
        command(all, "POST", meetings + "/questions", meeting + "/questions",
                () -> Map.of("challengeId", victim.challengeId, "askerId", asker, "form", "OPEN"));
        command(all, "POST", meetings + "/statements", meeting + "/statements",
                () -> Map.of("speakerId", asker, "kind", "ADVICE", "challengeId", victim.challengeId));
        command(all, "POST", meetings + "/actions", meeting + "/actions", () -> Map.of("challengeId",
                victim.challengeId, "ownerId", presenter, "description", "Intruded", "dueOn", "2026-04-01"));
        command(all, "POST", meetings + "/reflections", meeting + "/reflections",
                () -> Map.of("personId", asker, "text", "Intruded"));
        command(all, "POST", meetings + "/pulse", meeting + "/pulse",
                () -> Map.of("items", List.of(4, 4, 4, 4, 4, 4, 4)));
        command(all, "POST", meetings + "/close", meeting + "/close", Map::of);
        command(all, "POST", meetings + "/discard", meeting + "/discard", Map::of);
        command(all, "POST", meetings + "/contributions/{contributionId}/retract", meeting + "/contributions/"
                + UUID.randomUUID() + "/retract", Map::of);
        inBody(all, "POST", "/api/outcomes", () -> Map.of("programmeId", p, "name", "Intruded",
                "unit", "hours", "direction", "DECREASE", "period", "WEEK"));
        for (String series : List.of("baseline", "measurements")) {
            command(all, "POST", "/api/outcomes/{metricId}/" + series, "/api/outcomes/" + victim.metricId + "/"
                    + series, () -> Map.of("measuredOn", "2026-01-12", "value", 5));
        }
        command(all, "POST", "/api/outcomes/{metricId}/attributions", "/api/outcomes/" + victim.metricId
                + "/attributions", () -> Map.of("attributionPercent", 50, "confidencePercent", 50));
        command(all, "POST", "/api/sets/{setId}/facilitator", "/api/sets/" + s + "/facilitator",
                () -> Map.of("facilitatorName", "Intruder", "currentFacilitatorId", UUID.randomUUID()));
        command(all, "POST", "/api/outcomes/{metricId}/attributions/mine", "/api/outcomes/" + victim.metricId
                + "/attributions/mine", () -> Map.of("attributionPercent", 50, "confidencePercent", 50));
        command(all, "POST", "/api/outcomes/{metricId}/measurements/import", "/api/outcomes/" + victim.metricId
                + "/measurements/import", () -> Map.of("rows", List.of(Map.of("series", "FOLLOW_UP",
                "measuredOn", "2026-06-01", "value", 5))));
        command(all, "POST", "/api/outcomes/{metricId}/phases", "/api/outcomes/" + victim.metricId + "/phases",
                () -> Map.of("startsOn", "2026-06-01"));
        String action = "/api/actions/" + victim.actionId;
        command(all, "POST", "/api/actions/{actionId}/progress", action + "/progress",
                () -> Map.of("reportedOn", "2026-03-01", "percentComplete", 10));
        command(all, "POST", "/api/actions/{actionId}/complete", action + "/complete",
                () -> Map.of("completedOn", "2026-03-02"));
        command(all, "POST", "/api/actions/{actionId}/abandon", action + "/abandon",
                () -> Map.of("abandonedOn", "2026-03-02", "reason", "Intruded"));
        command(all, "POST", "/api/actions/{actionId}/reschedule", action + "/reschedule",
                () -> Map.of("dueOn", "2026-05-01"));
        command(all, "DELETE", "/api/people/{personId}", "/api/people/" + victim.members.get(2), null);
        command(all, "POST", "/api/internal/personal-data/unseal", "/api/internal/personal-data/unseal",
                () -> Map.of("tokens", List.of("x")));
        // accounts: a grant in the victim's organisation, its administrator role, or acting as one of its people
        inBody(all, "POST", "/api/users", () -> newUser(null, "MEMBER:" + s));
        inBody(all, "POST", "/api/users", () -> newUser(null, "ADMIN:" + victim.name));
        inBody(all, "POST", "/api/users", () -> newUser(presenter));
        inBody(all, "POST", "/api/users", () -> newUser(presenter, "MEMBER:" + own.setId));
        // another organisation's account: its password reset (a take-over), its grants moved into the caller's set
        String member = "/api/users/" + victim.account(Organisation.Role.MEMBER).username();
        command(all, "PATCH", "/api/users/{username}", member, () -> Map.of("password", "Zt8%Ferry-Lantern-" + next()));
        command(all, "PATCH", "/api/users/{username}", member, () -> Map.of("grants", List.of("MEMBER:" + own.setId)));
        // another organisation's account: a set-password link for it (a take-over), disabling or enabling it
        for (String change : List.of("password-link", "disable", "enable")) {
            command(all, "POST", "/api/users/{username}/" + change, member + "/" + change, Map::of);
        }
        all.add(new Endpoint(Service.COMMAND, "GET", "/api/users", "/api/users", null, Expect.LISTED));
        all.add(new Endpoint(Service.COMMAND, "GET", "/api/auth/disabled", "/api/auth/disabled", null,
                Expect.REFUSED));
        // operating the platform: its operators and its services only (added with the relay's and the
        // projection's fixes; not served before them)
        command(all, "POST", "/api/admin/relay/republish", "/api/admin/relay/republish", null);
        all.add(new Endpoint(Service.COMMAND, "GET", "/api/internal/aggregate-positions",
                "/api/internal/aggregate-positions", null, Expect.REFUSED));
        all.add(new Endpoint(Service.COMMAND, "GET", "/api/audit/changes", "/api/audit/changes?aggregateId=" + s,
                null, Expect.LISTED));
        all.add(new Endpoint(Service.COMMAND, "GET", "/api/audit/changes", "/api/audit/changes?aggregateId=" + p,
                null, Expect.LISTED));

        // the caller's own set with the victim's meeting, people or action
        String mixed = "/api/sets/" + own.setId + "/meetings/" + victim.meetingId;
        all.add(new Endpoint(Service.COMMAND, "POST", meetings + "/questions", mixed + "/questions",
                () -> Map.of("challengeId", victim.challengeId, "askerId", asker, "form", "OPEN"), Expect.NEVER_2XX));
        all.add(new Endpoint(Service.COMMAND, "POST", meetings + "/close", mixed + "/close", Map::of,
                Expect.NEVER_2XX));
        all.add(new Endpoint(Service.COMMAND, "DELETE", "/api/sets/{setId}/members/{personId}", "/api/sets/"
                + own.setId + "/members/" + victim.members.get(3), null, Expect.NEVER_2XX));

        // ---- query service
        all.add(new Endpoint(Service.QUERY, "GET", "/api/programmes", "/api/programmes", null, Expect.LISTED));
        for (String view : List.of("dashboard", "sets", "actions", "roi")) {
            query(all, "/api/programmes/{programmeId}/" + view, "/api/programmes/" + p + "/" + view);
        }
        query(all, "/api/programmes/{programmeId}/actions", "/api/programmes/" + p + "/actions?status=open");
        query(all, "/api/programmes/{programmeId}/changes", "/api/programmes/" + p
                + "/changes?from=2020-01-01T00:00:00Z");
        query(all, "/api/programmes/{programmeId}/explain", "/api/programmes/" + p
                + "/explain?figure=questionsAsked");
        query(all, "/api/outcomes/{metricId}", "/api/outcomes/" + victim.metricId);
        query(all, "/api/sets/{setId}/fairness", "/api/sets/" + s + "/fairness");
        query(all, "/api/sets/{setId}/record", "/api/sets/" + s + "/record");
        query(all, "/api/sets/{setId}/due-actions", "/api/sets/" + s + "/due-actions");
        query(all, "/api/people/{personId}/actions", "/api/people/" + presenter + "/actions");
        query(all, "/api/people/{personId}/participation", "/api/people/" + presenter + "/participation");
        query(all, "/api/sets/{setId}/safety", "/api/sets/" + s + "/safety");
        query(all, "/api/sets/{setId}/explain", "/api/sets/" + s + "/explain?figure=questionsAsked");
        query(all, "/api/sets/{setId}/meetings/{meetingId}/pulse/mine", meeting + "/pulse/mine");
        query(all, "/api/facilitation/organisations/{organisation}", "/api/facilitation/organisations/"
                + java.net.URLEncoder.encode(victim.name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        all.add(new Endpoint(Service.QUERY, "GET", "/api/facilitation/mine", "/api/facilitation/mine", null,
                Expect.LISTED));
        query(all, "/api/sets/{setId}/meetings/open", "/api/sets/" + s + "/meetings/open");
        all.add(new Endpoint(Service.QUERY, "GET", "/api/audit/reads", "/api/audit/reads?setId=" + s, null,
                Expect.LISTED));
        query(all, "/api/admin/rebuild", "/api/admin/rebuild");
        query(all, "/api/admin/checksum", "/api/admin/checksum");
        query(all, "/api/admin/dead-letters", "/api/admin/dead-letters");
        query(all, "/api/admin/reconciliation", "/api/admin/reconciliation");
        all.add(new Endpoint(Service.QUERY, "POST", "/api/admin/rebuild", "/api/admin/rebuild", Map::of,
                Expect.REFUSED));
        all.add(new Endpoint(Service.QUERY, "POST", "/api/admin/dead-letters/replay", "/api/admin/dead-letters/replay",
                Map::of, Expect.REFUSED));

        // ---- pages (signed in with HTTP Basic, as scripts fetching the exports do)
        all.add(new Endpoint(Service.PAGE, "GET", "/", "/", null, Expect.LISTED));
        page(all, "/programmes/{programmeId}", "/programmes/" + p);
        page(all, "/programmes/{programmeId}/roi", "/programmes/" + p + "/roi");
        page(all, "/programmes/{programmeId}/explain", "/programmes/" + p + "/explain?figure=meetingsHeld");
        page(all, "/programmes/{programmeId}/roi.pdf", "/programmes/" + p + "/roi.pdf");
        for (String table : List.of("summary", "costs", "benefits", "intangibles")) {
            page(all, "/programmes/{programmeId}/roi/{table}.csv", "/programmes/" + p + "/roi/" + table + ".csv");
        }
        page(all, "/programmes/{programmeId}/outcomes", "/programmes/" + p + "/outcomes");
        page(all, "/sets/{setId}/fairness", "/sets/" + s + "/fairness");
        page(all, "/sets/{setId}/console", "/sets/" + s + "/console");
        // the administrator's pages: their own organisation's things only
        all.add(new Endpoint(Service.PAGE, "GET", "/admin", "/admin", null, Expect.LISTED));
        all.add(new Endpoint(Service.PAGE, "GET", "/admin/users", "/admin/users", null, Expect.LISTED));
        page(all, "/admin/programmes/{programmeId}", "/admin/programmes/" + p);
        page(all, "/admin/sets/{setId}", "/admin/sets/" + s);
        page(all, "/sets/{setId}/meetings/{meetingId}/pulse", "/sets/" + s + "/meetings/" + victim.meetingId
                + "/pulse");
        all.add(new Endpoint(Service.PAGE, "GET", "/facilitation", "/facilitation", null, Expect.LISTED));
        page(all, "/sets/{setId}/record", "/sets/" + s + "/record");
        return all;
    }

    /** A new account's body; every call a new username. */
    static Map<String, Object> newUser(UUID personId, String... grants) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", "made-" + next());
        body.put("password", "Kx9!Lantern-" + next() + "-Harbour-Tide");
        body.put("personId", personId);
        body.put("grants", List.of(grants));
        return body;
    }

    private static void command(List<Endpoint> all, String method, String template, String path,
                                Supplier<Object> body) {
        all.add(new Endpoint(Service.COMMAND, method, template, path, body, Expect.REFUSED));
    }

    private static void inBody(List<Endpoint> all, String method, String path, Supplier<Object> body) {
        all.add(new Endpoint(Service.COMMAND, method, path, path, body, Expect.REFUSED_IN_BODY));
    }

    private static void query(List<Endpoint> all, String template, String path) {
        all.add(new Endpoint(Service.QUERY, "GET", template, path, null, Expect.REFUSED));
    }

    private static void page(List<Endpoint> all, String template, String path) {
        all.add(new Endpoint(Service.PAGE, "GET", template, path, null, Expect.REFUSED));
    }

    private static int next() {
        return SEQUENCE.incrementAndGet();
    }
}
