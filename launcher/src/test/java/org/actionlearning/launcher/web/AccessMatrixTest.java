package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every endpoint and page of both services, asked by each kind of user and by no one: the answer is the expected
 * 401 (pages: a redirect to the sign-in form), 403 or 2xx, and a 2xx answer carries nothing the role may not see.
 * Where the path names the organisation's programme, set, metric or action, another organisation's administrator
 * gets 404, the answer of an unknown id: whether an id exists elsewhere is not told ({@link Expect#named}).
 * The users: an operator of the platform (ADMIN:*), the programme's organisation's administrator, another
 * organisation's administrator, the programme's sponsor, the set's facilitator, a member of the set who owns an
 * action, and a member of a set elsewhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    enum Who { NO_ONE, OPERATOR, ORG_ADMIN, OTHER_ADMIN, SPONSOR, FACILITATOR, MEMBER, OTHER_SET }

    private static final String ORGANISATION = "St Elsewhere NHS Trust";
    private final AtomicInteger sequence = new AtomicInteger();
    private BothServices services;
    private SampleProgramme sample;
    private UUID action;
    private UUID owner;
    private final Map<Who, HttpJson> commandsAs = new EnumMap<>(Who.class);
    private final Map<Who, HttpJson> queriesAs = new EnumMap<>(Who.class);
    private final List<String> mismatches = new ArrayList<>();

    @BeforeAll
    void recordAProgrammeAndItsPeople() {
        services = new BothServices("matrix");
        sample = new SampleProgramme(services.commands);
        await().atMost(Duration.ofSeconds(60)).until(() -> services.queries
                .get("/api/programmes/" + sample.programmeId + "/roi").body().path("costs").path("total")
                .asDouble() == SampleProgramme.TOTAL_COSTS);
        JsonNode wardsAction = firstOpen(services.queriesAs("matrix-reader", "FACILITATOR:" + sample.wards)
                .get("/api/programmes/" + sample.programmeId + "/actions").body());
        action = UUID.fromString(wardsAction.get("actionId").asText());
        owner = UUID.fromString(wardsAction.get("ownerId").asText());

        sign(Who.NO_ONE, null);
        sign(Who.OPERATOR, TestIdentity.basic(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD));
        user(Who.ORG_ADMIN, null, "ADMIN:" + ORGANISATION);
        user(Who.OTHER_ADMIN, null, "ADMIN:Northfield Council");
        user(Who.SPONSOR, null, "SPONSOR:" + sample.programmeId);
        user(Who.FACILITATOR, null, "FACILITATOR:" + sample.wards);
        user(Who.MEMBER, owner, "MEMBER:" + sample.wards);
        user(Who.OTHER_SET, null, "MEMBER:" + sample.pharmacy);
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    @BeforeEach
    void noMismatchYet() {
        mismatches.clear();
    }

    @Test
    void everyQueryEndpointAnswersEachRoleAsItMay() {
        String programme = "/api/programmes/" + sample.programmeId;
        Expect aggregates = Expect.ok(Who.OPERATOR, Who.ORG_ADMIN, Who.SPONSOR).named();
        Expect setContent = Expect.ok(Who.FACILITATOR, Who.MEMBER).named();
        Expect operators = Expect.ok(Who.OPERATOR);

        get(Expect.ok(Who.values()), "/api/programmes", (who, body) -> {
            boolean listed = body.toString().contains(sample.programmeId.toString());
            boolean mayList = who != Who.OTHER_ADMIN;
            check(who, "/api/programmes lists the programme", listed == mayList);
        });
        get(aggregates, programme + "/dashboard", this::noNames);
        get(aggregates, programme + "/sets", this::noNames);
        get(aggregates, programme + "/roi", this::noNames);
        get(aggregates, programme + "/explain?figure=questionsAsked", this::noNames);
        get(aggregates, "/api/outcomes/" + sample.dischargeDelay, this::noNames);
        get(Expect.ok(Who.OPERATOR, Who.ORG_ADMIN, Who.SPONSOR, Who.FACILITATOR, Who.MEMBER, Who.OTHER_SET).named(),
                programme + "/actions", (who, body) -> {
                    boolean detail = body.toString().contains("\"description\"")
                            || body.toString().contains("\"ownerId\"");
                    boolean inSet = who == Who.FACILITATOR || who == Who.MEMBER;
                    check(who, "actions carry owners and descriptions", detail == inSet);
                    check(who, "Wards' actions are listed", body.toString().contains(sample.wards.toString())
                            == (who != Who.OTHER_SET));
                });
        get(setContent, "/api/sets/" + sample.wards + "/fairness", (who, body) ->
                check(who, "fairness names the members", body.toString().contains("\"Ann\"")));
        get(setContent, "/api/sets/" + sample.wards + "/record", (who, body) ->
                check(who, "the set's record names who presented", body.toString().contains("\"Ann\"")));
        // a member's own actions and participation: theirs alone (not the facilitator, sponsor or an operator)
        get(Expect.ok(Who.MEMBER), "/api/people/" + owner + "/actions", (who, body) ->
                check(who, "the member's own action is listed", body.toString().contains(action.toString())));
        get(Expect.ok(Who.MEMBER), "/api/people/" + owner + "/participation", (who, body) ->
                check(who, "the member's own participation", body.path("personId").asText().equals(owner.toString())));
        get(Expect.ok(Who.FACILITATOR).named(), "/api/sets/" + sample.wards + "/due-actions", null);
        get(setContent, "/api/sets/" + sample.wards + "/meetings/open", (who, body) ->
                check(who, "the set's meetings are all closed", body.get("meetings").isEmpty()));
        get(operators, "/api/admin/rebuild", null);
        get(operators, "/api/admin/checksum", null);
        get(operators, "/api/admin/dead-letters", null);
        get(Expect.ok(Who.OPERATOR, Who.ORG_ADMIN, Who.OTHER_ADMIN), "/api/audit/reads?setId=" + sample.wards,
                (who, body) -> {
                    check(who, "reads of the set are listed to its organisation's administrators only",
                            body.isEmpty() == (who == Who.OTHER_ADMIN));
                    check(who, "the facilitator's read of the fairness audit is on record", who == Who.OTHER_ADMIN
                            || body.toString().contains("\"user\":\"matrix-facilitator\",\"resource\":\"fairness\""));
                });

        assertThat(mismatches).isEmpty();
    }

    /**
     * The pulse: only an attendee answers, for themself, and reads their own answers back; the set's aggregates are
     * for the set and the organisation's administrators, facilitation for facilitators and administrators, none of
     * them for the sponsor.
     */
    @Test
    void pulseSafetyAndFacilitationAnswerEachRoleAsTheyMay() {
        String set = "/api/sets/" + sample.wards;
        JsonNode meeting = services.queries.get(set + "/safety").body().at("/meetings/0");
        UUID meetingId = UUID.fromString(meeting.get("meetingId").asText());
        String pulse = set + "/meetings/" + meetingId + "/pulse";
        // answers are taken while the meeting's pulse window is open: on the day it was held
        services.clock.setDate(LocalDate.parse(meeting.get("heldOn").asText()));
        try {
            post(Expect.created(Who.MEMBER), pulse, () -> Map.of("items", List.of(4, 5, 4, 5, 4, 5, 5)));
        } finally {
            services.clock.reset();
        }
        get(new Expect(200, Who.MEMBER), pulse + "/mine", (who, body) ->
                check(who, "a member reads their own answers", body.get("items").size() == 7));
        get(Expect.ok(Who.OPERATOR, Who.ORG_ADMIN, Who.FACILITATOR, Who.MEMBER).named(), set + "/safety",
                this::noNames);
        get(Expect.ok(Who.FACILITATOR), "/api/facilitation/mine", this::noNames);
        get(Expect.ok(Who.OPERATOR, Who.ORG_ADMIN), "/api/facilitation/organisations/St%20Elsewhere%20NHS%20Trust",
                (who, body) -> {
                    noNames(who, body);
                    check(who, "no set is named in the aggregate", !body.toString().contains(sample.wards.toString()));
                });
        page(Expect.ok(Who.MEMBER), "/sets/" + sample.wards + "/meetings/" + meetingId + "/pulse");
        page(Expect.ok(Who.OPERATOR, Who.ORG_ADMIN, Who.OTHER_ADMIN, Who.FACILITATOR), "/facilitation");

        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyPageAnswersEachRoleAsItMay() {
        String programme = "/programmes/" + sample.programmeId;
        Expect aggregates = Expect.ok(Who.OPERATOR, Who.ORG_ADMIN, Who.SPONSOR).named();

        page(Expect.ok(Who.values()), "/");
        // every signed-in user changes their own password
        page(Expect.ok(Who.values()), "/account/password");
        page(aggregates, programme);
        page(aggregates, programme + "/roi");
        page(aggregates, programme + "/explain?figure=questionsAsked");
        download(aggregates, programme + "/roi.pdf");
        download(aggregates, programme + "/roi/costs.csv");
        page(Expect.ok(Who.FACILITATOR, Who.MEMBER).named(), "/sets/" + sample.wards + "/fairness");
        page(Expect.ok(Who.FACILITATOR).named(), "/sets/" + sample.wards + "/console");
        // accounts that are no person in the sets have no actions or participation of their own
        page(Expect.ok(Who.MEMBER), "/me/actions");
        page(Expect.ok(Who.MEMBER), "/me/participation");
        page(Expect.ok(Who.MEMBER), "/me/estimates", (who, html) -> check(who, "the member is asked for an estimate "
                + "of the programme's metrics", html.contains("estimate-" + sample.dischargeDelay)));
        Expect administrators = Expect.ok(Who.OPERATOR, Who.ORG_ADMIN, Who.OTHER_ADMIN);
        page(administrators, "/admin", (who, html) -> check(who, "/admin lists the programme to its organisation's "
                + "administrators only", html.contains(sample.programmeId.toString()) == (who != Who.OTHER_ADMIN)));
        page(administrators, "/admin/users", (who, html) -> check(who, "/admin/users offers grants of the "
                + "administrator's own organisation only", html.contains("SPONSOR:" + sample.programmeId)
                == (who != Who.OTHER_ADMIN)));
        page(Expect.ok(Who.OPERATOR, Who.ORG_ADMIN).named(), "/admin/programmes/" + sample.programmeId);
        page(Expect.ok(Who.OPERATOR, Who.ORG_ADMIN).named(), "/admin/sets/" + sample.wards);
        for (Who who : Who.values()) {
            // the set-password form: a link's token is the proof, so everyone gets the form
            answered(who, "page /set-password", 200, queriesAs.get(who).send("GET", "/set-password?token=x", null,
                    Map.of("Accept", "text/html")), "text/html");
        }
        page(Expect.ok(Who.FACILITATOR, Who.MEMBER).named(), "/sets/" + sample.wards + "/record");
        // keeping outcomes (definitions, values, estimates): administrators of the organisation only
        page(Expect.ok(Who.OPERATOR, Who.ORG_ADMIN).named(), programme + "/outcomes");

        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyCommandEndpointAnswersEachRoleAsItMay() {
        Expect admins = Expect.created(Who.OPERATOR, Who.ORG_ADMIN);
        // a launch names its organisation in the body, not an id: another organisation's administrator gets 403
        post(admins, "/api/programmes", () -> Map.of("organisation", ORGANISATION, "name", "P" + next(),
                "sponsor", "S", "startsOn", "2026-01-05", "currency", "GBP"));
        post(admins.named(), "/api/programmes/" + sample.programmeId + "/costs", () -> Map.of("category", "VENUE",
                "amount", 1, "incurredOn", "2026-03-01"));
        post(admins.named(), "/api/outcomes/" + sample.dischargeDelay + "/measurements", () -> Map.of(
                "measuredOn", day(), "value", 10));
        post(new Expect(200, Who.OPERATOR, Who.ORG_ADMIN).named(), "/api/outcomes/" + sample.dischargeDelay
                + "/measurements/import", () -> Map.of("rows", List.of(Map.of("series", "FOLLOW_UP",
                "measuredOn", day(), "value", 10))));
        post(Expect.created(Who.OPERATOR, Who.ORG_ADMIN, Who.FACILITATOR).named(),
                "/api/sets/" + sample.wards + "/meetings", () -> Map.of("scheduledFor", day()));
        // who facilitates a set: its organisation's administrators, not the set's facilitator. On a set of its own
        // (a change takes the set's grant from every other account) that the matrix's facilitator facilitates too,
        // asked first; each change names the facilitator it replaces
        HttpJson.Response formed = services.commands.post("/api/sets", Map.of("programmeId", sample.programmeId,
                "name", "Handed over", "facilitatorName", "Facilitator 0"));
        String handedOver = formed.body().path("setId").asText();
        String facilitator = formed.body().path("facilitatorId").asText();
        assertThat(services.commands.send("PATCH", "/api/users/matrix-facilitator", "{\"grants\":[\"FACILITATOR:"
                + sample.wards + "\",\"FACILITATOR:" + handedOver + "\"]}", Map.of()).status()).isEqualTo(200);
        Expect changers = new Expect(200, Who.OPERATOR, Who.ORG_ADMIN).named();
        List<Who> changersLast = java.util.stream.Stream.concat(
                java.util.Arrays.stream(Who.values()).filter(w -> !changers.allowed().contains(w)),
                changers.allowed().stream()).toList();
        for (Who who : changersLast) {
            String path = "/api/sets/" + handedOver + "/facilitator";
            HttpJson.Response changed = commandsAs.get(who).post(path, Map.of("facilitatorName",
                    "Facilitator " + next(), "currentFacilitatorId", facilitator));
            answered(who, "POST " + path, changers.of(who), changed);
            if (changed.status() == 200) {
                facilitator = changed.body().path("facilitatorId").asText();
            }
        }
        // a participant's own estimate: a member of the programme's sets who is a person, for themself only
        post(Expect.created(Who.MEMBER), "/api/outcomes/" + sample.dischargeDelay + "/attributions/mine",
                () -> Map.of("attributionPercent", 30, "confidencePercent", 60));
        // in another person's name: administrators of the organisation only (a member is refused); the person one
        // of the organisation's participants, each once (a second estimate of the same person is a 409)
        List<UUID> participants = sample.member.values().stream().filter(p -> !p.equals(owner)).toList();
        AtomicInteger nextParticipant = new AtomicInteger();
        post(Expect.created(Who.OPERATOR, Who.ORG_ADMIN).named(), "/api/outcomes/" + sample.dischargeDelay
                + "/attributions",
                () -> Map.of("attributionPercent", 30, "confidencePercent", 60, "estimatedBy",
                        participants.get(nextParticipant.getAndIncrement() % participants.size())));
        // discarding and undoing: who records the set's meetings gets as far as the set (which has no such meeting)
        String noMeeting = "/api/sets/" + sample.wards + "/meetings/" + UUID.randomUUID();
        post(new Expect(404, Who.OPERATOR, Who.ORG_ADMIN, Who.FACILITATOR).named(), noMeeting + "/discard", Map::of);
        post(new Expect(404, Who.OPERATOR, Who.ORG_ADMIN, Who.FACILITATOR).named(),
                noMeeting + "/contributions/" + UUID.randomUUID() + "/retract", Map::of);
        post(new Expect(200, Who.OPERATOR, Who.ORG_ADMIN, Who.FACILITATOR, Who.MEMBER).named(),
                "/api/actions/" + action + "/progress", () -> Map.of("reportedOn", day(), "percentComplete", 50));
        post(admins, "/api/users", () -> Map.of("username", "made-" + next(), "password", "a-long-password",
                "grants", List.of("SPONSOR:" + sample.programmeId)));
        // only the platform's services open sealed personal data (the built-in service user, none of these)
        post(Expect.ok(), "/api/internal/personal-data/unseal", () -> Map.of("tokens", List.of("x")));
        // erasing a person: administrators of their organisation (a second erasure answers 204 as well)
        UUID jo = sample.member.get("Jo");
        for (Who who : Who.values()) {
            Expect erasers = new Expect(204, Who.OPERATOR, Who.ORG_ADMIN);
            // another organisation's administrator is told what an unknown id tells: nothing exists
            int expected = who == Who.OTHER_ADMIN ? 404 : erasers.of(who);
            answered(who, "DELETE /api/people/" + jo, expected, commandsAs.get(who).delete("/api/people/" + jo));
        }
        // every account reads its own reminder address; only a person's account may set one
        get(commandsAs, Expect.ok(Who.OPERATOR, Who.ORG_ADMIN, Who.OTHER_ADMIN, Who.SPONSOR, Who.FACILITATOR,
                Who.MEMBER, Who.OTHER_SET), "/api/account/email", (who, body) ->
                check(who, "no address yet", body.path("email").isNull()));
        for (Who who : Who.values()) {
            int expected = who == Who.NO_ONE ? 401 : who == Who.MEMBER ? 200 : 409;
            answered(who, "PUT /api/account/email", expected, commandsAs.get(who).send("PUT", "/api/account/email",
                    "{\"email\":\"" + who.name().toLowerCase() + "@example.org\"}", Map.of()));
        }
        // a user's access: the administrators of their organisation; another organisation's gets 404 (not found
        // among the users they administer), everyone else 403 before any look-up
        for (String change : List.of("password-link", "disable", "enable")) {
            for (Who who : Who.values()) {
                String username = "changed-" + next();
                services.createUser(username, null, "SPONSOR:" + sample.programmeId);
                int expected = who == Who.NO_ONE ? 401 : who == Who.OPERATOR || who == Who.ORG_ADMIN ? 200
                        : who == Who.OTHER_ADMIN ? 404 : 403;
                answered(who, "POST /api/users/{username}/" + change, expected,
                        commandsAs.get(who).post("/api/users/" + username + "/" + change, Map.of()));
            }
        }
        // a user of two organisations (the programme's and Northfield's): each organisation's administrator changes
        // the grants in their own organisation; the whole account (disable, enable, links) is the operator's, and
        // the two administrators are told so (403), not that the user they list does not exist
        for (Who who : Who.values()) {
            String username = "shared-" + next();
            services.createUser(username, null, "SPONSOR:" + sample.programmeId, "ADMIN:Northfield Council");
            int expected = who == Who.NO_ONE ? 401
                    : who == Who.OPERATOR || who == Who.ORG_ADMIN || who == Who.OTHER_ADMIN ? 200 : 403;
            answered(who, "PATCH /api/users/{shared username} own grants", expected,
                    commandsAs.get(who).send("PATCH", "/api/users/" + username, "{\"grants\":[]}", Map.of()));
        }
        for (String change : List.of("password-link", "disable", "enable")) {
            for (Who who : Who.values()) {
                String username = "shared-" + next();
                services.createUser(username, null, "SPONSOR:" + sample.programmeId, "ADMIN:Northfield Council");
                int expected = who == Who.NO_ONE ? 401 : who == Who.OPERATOR ? 200 : 403;
                answered(who, "POST /api/users/{shared username}/" + change, expected,
                        commandsAs.get(who).post("/api/users/" + username + "/" + change, Map.of()));
            }
        }
        get(commandsAs, operators(), "/api/auth/disabled", null);
        get(commandsAs, Expect.ok(Who.OPERATOR, Who.ORG_ADMIN, Who.OTHER_ADMIN), "/api/users", (who, body) -> {
            check(who, "users list carries no password or hash", !body.toString().contains("password"));
            check(who, "users of the programme's organisation are listed to its administrators only",
                    body.toString().contains("SPONSOR:" + sample.programmeId) == (who != Who.OTHER_ADMIN));
        });
        get(commandsAs, Expect.ok(Who.OPERATOR, Who.ORG_ADMIN, Who.OTHER_ADMIN),
                "/api/audit/changes?aggregateId=" + sample.wards, (who, body) -> {
                    check(who, "changes of the set are listed to its organisation's administrators only",
                            body.isEmpty() == (who == Who.OTHER_ADMIN));
                    check(who, "the set's forming is on record with who did it", who == Who.OTHER_ADMIN
                            || body.toString().contains("\"user\":\"admin\",\"event\":\"SetFormed\""));
                    check(who, "the facilitator's meeting is on record as theirs", who == Who.OTHER_ADMIN
                            || body.toString().contains("\"user\":\"matrix-facilitator\",\"event\":\"MeetingScheduled\""));
                });

        assertThat(mismatches).isEmpty();
    }

    private static Expect operators() {
        return Expect.ok(Who.OPERATOR);
    }

    /**
     * The expected status of each caller; everyone else signed in gets 403 (another organisation's administrator
     * {@code outsider}), no one gets 401.
     */
    private record Expect(int status, List<Who> allowed, int outsider) {
        Expect(int status, Who... allowed) {
            this(status, List.of(allowed), 403);
        }

        /**
         * The path names the organisation's programme, set, metric or action: another organisation's administrator,
         * who holds no grant in it, is told what an unknown id tells (404). Everyone else of the organisation who
         * lacks the role is refused (403).
         */
        Expect named() {
            return new Expect(status, allowed, 404);
        }

        static Expect ok(Who... allowed) {
            return new Expect(200, allowed);
        }

        static Expect created(Who... allowed) {
            return new Expect(201, allowed);
        }

        int of(Who who) {
            return who == Who.NO_ONE ? 401 : allowed.contains(who) ? status : who == Who.OTHER_ADMIN ? outsider : 403;
        }
    }

    private interface BodyCheck {
        void check(Who who, JsonNode body);
    }

    private void get(Expect expect, String path, BodyCheck body) {
        get(queriesAs, expect, path, body);
    }

    private void get(Map<Who, HttpJson> clients, Expect expect, String path, BodyCheck body) {
        for (Who who : Who.values()) {
            HttpJson.Response response = clients.get(who).get(path);
            answered(who, "GET " + path, expect.of(who), response);
            if (response.status() == 200 && body != null) {
                body.check(who, response.body());
            }
        }
    }

    private void post(Expect expect, String path, Supplier<Map<String, Object>> body) {
        for (Who who : Who.values()) {
            answered(who, "POST " + path, expect.of(who), commandsAs.get(who).post(path, body.get()));
        }
    }

    private interface PageCheck {
        void check(Who who, String html);
    }

    private void page(Expect expect, String path) {
        page(expect, path, null);
    }

    /** Pages: signed-out browsers are sent to the sign-in form; the rest as the API. */
    private void page(Expect expect, String path, PageCheck html) {
        for (Who who : Who.values()) {
            HttpJson.Response response = queriesAs.get(who).send("GET", path, null, Map.of("Accept", "text/html"));
            int expected = who == Who.NO_ONE ? 302 : expect.of(who);
            answered(who, "page " + path, expected, response, "text/html");
            if (response.status() == 302) {
                check(who, path + " redirects to the sign-in form", String.valueOf(response.location())
                        .endsWith("/login"));
            }
            if (response.status() == 200 && (path.startsWith("/programmes") || path.startsWith("/admin"))
                    && !path.endsWith(".pdf")) {
                noMemberNames(who, path, response.raw());
            }
            if (response.status() == 200 && html != null) {
                html.check(who, response.raw());
            }
        }
    }

    /** The report's downloads: fetched by scripts too, so errors (401 included) are problem+json, as the API's. */
    private void download(Expect expect, String path) {
        for (Who who : Who.values()) {
            HttpJson.Response response = queriesAs.get(who).send("GET", path, null, Map.of("Accept", "text/html"));
            answered(who, "download " + path, expect.of(who), response);
            if (response.status() == 200 && path.endsWith(".csv")) {
                noMemberNames(who, path, response.raw());
            }
        }
    }

    private void answered(Who who, String request, int expected, HttpJson.Response response) {
        answered(who, request, expected, response, "application/problem+json");
    }

    /** @param errorType what an error answers with: problem+json from the API, an error page from the pages */
    private void answered(Who who, String request, int expected, HttpJson.Response response, String errorType) {
        if (response.status() != expected) {
            mismatches.add(who + " " + request + ": expected " + expected + ", was " + response.status() + " "
                    + abbreviate(response.raw()));
        } else if (response.status() >= 400) {
            check(who, request + " answers " + errorType, String.valueOf(response.contentType()).startsWith(errorType));
        }
    }

    private void noNames(Who who, JsonNode body) {
        check(who, "aggregates name no one", !body.toString().contains("displayName"));
        noMemberNames(who, "aggregates", body.toString());
    }

    private void noMemberNames(Who who, String where, String text) {
        for (String name : sample.member.keySet()) {
            check(who, where + " does not name " + name, !text.matches("(?s).*\\b" + name + "\\b.*"));
        }
    }

    private void check(Who who, String what, boolean holds) {
        if (!holds) {
            mismatches.add(who + ": " + what);
        }
    }

    private void sign(Who who, String authorization) {
        commandsAs.put(who, services.commands.withAuthorization(authorization));
        queriesAs.put(who, services.queries.withAuthorization(authorization));
    }

    private void user(Who who, UUID personId, String... grants) {
        String username = "matrix-" + who.name().toLowerCase().replace('_', '-');
        services.createUser(username, personId, grants);
        sign(who, TestIdentity.basic(username, BothServices.PASSWORD));
    }

    /** A date not used before in this test. */
    private String day() {
        return java.time.LocalDate.of(2026, 6, 1).plusDays(next()).toString();
    }

    private int next() {
        return sequence.incrementAndGet();
    }

    private static JsonNode firstOpen(JsonNode actions) {
        for (JsonNode action : actions) {
            if (action.path("status").asText().equals("OPEN")) {
                return action;
            }
        }
        throw new AssertionError("no open action in " + actions);
    }

    private static String abbreviate(String raw) {
        return raw == null ? "" : raw.length() > 200 ? raw.substring(0, 200) + "..." : raw;
    }
}
