package org.actionlearning.launcher.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.launcher.trust.EndpointMatrix.Endpoint;
import org.actionlearning.launcher.trust.EndpointMatrix.Expect;
import org.actionlearning.launcher.trust.EndpointMatrix.Service;
import org.actionlearning.launcher.trust.Organisation.Account;
import org.actionlearning.launcher.trust.Organisation.Role;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform attacked as its users could: two organisations (Northwind and Southbank), an account per role in
 * each (administrator, sponsor, facilitator, member), and every command and query endpoint of both services and
 * every page (the {@link EndpointMatrix}, checked against the services' OpenAPI documents) asked by each role of
 * one organisation with the other's ids: the answer is 403 or 404, never a 2xx, and never holds the other's data.
 * Also: the commands a role of the same organisation may not send, account management by non-administrators,
 * Idempotency-Keys replayed by other users, forged and expired tokens, and erasing a person another organisation
 * added to its set.
 *
 * <p>Each failure names the caller, the request and what came back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TrustServices.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdversarialSuiteTest {

    private BothServices services;
    private String platformAdmin;
    /** The victim and the attacker's organisation. */
    private Organisation northwind;
    private Organisation southbank;
    private List<Exchange> foreignAnswers;

    /** One request of the matrix and its answer. */
    private record Exchange(Account caller, Endpoint endpoint, String body, Http.Answer answer) {
        String describe() {
            return caller + ": " + endpoint.method() + " " + endpoint.path()
                    + (body == null ? "" : " " + abbreviate(body, 160)) + " -> " + answer.brief();
        }
    }

    @BeforeAll
    void twoOrganisationsWithAnAccountPerRole() {
        services = TrustServices.services();
        Http.Answer token = Http.send(services.commandUrl + "/api/auth/token", "POST",
                TestIdentity.basic(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD), null, Map.of());
        assertThat(token.status()).as(token.brief()).isEqualTo(200);
        platformAdmin = Organisation.read(token.body()).get("access_token").asText();
        northwind = new Organisation(services, platformAdmin, "Northwind");
        southbank = new Organisation(services, platformAdmin, "Southbank");
        // both organisations' data on the read side, so that a refusal there is access, not absence
        for (Organisation org : List.of(northwind, southbank)) {
            Account facilitator = org.account(Role.FACILITATOR);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Http.Answer fairness = query("GET", "/api/sets/" + org.setId + "/fairness", facilitator.bearer());
                Http.Answer metric = query("GET", "/api/outcomes/" + org.metricId, org.account(Role.ADMIN).bearer());
                return fairness.status() == 200 && fairness.body().contains(org.members.get(1).toString())
                        && metric.status() == 200;
            });
        }
    }

    // ------------------------------------------------------------------------------------------------ coverage

    /**
     * The matrix against what the services serve: the operations of both OpenAPI documents, and every handler
     * method of both web applications (the pages, and anything hidden from the documents).
     */
    @Test
    @Order(1)
    void everyEndpointOfBothServicesIsInTheMatrix() {
        List<Endpoint> matrix = EndpointMatrix.aimedAt(northwind, southbank);
        Set<String> commandKeys = new HashSet<>();
        Set<String> queryKeys = new HashSet<>();
        for (Endpoint e : matrix) {
            Set<String> keys = e.service() == Service.COMMAND ? commandKeys : queryKeys;
            keys.add(EndpointMatrix.key(e.method(), e.template()));
        }
        Set<String> commandDocumented = documented(services.commandUrl);
        Set<String> queryDocumented = documented(services.queryUrl);
        Set<String> commandServed = new TreeSet<>(commandDocumented);
        commandServed.addAll(handled(services.commandSide()));
        Set<String> queryServed = new TreeSet<>(queryDocumented);
        queryServed.addAll(handled(services.querySide()));
        System.out.printf("[adversarial] the command service serves %d operations (%d in its OpenAPI document), the"
                + " query service %d (%d); the matrix sends %d requests per caller%n", commandServed.size(),
                commandDocumented.size(), queryServed.size(), queryDocumented.size(), matrix.size());

        List<String> missing = new ArrayList<>();
        commandServed.stream().filter(op -> !commandKeys.contains(op) && !EndpointMatrix.EXEMPT.containsKey(op))
                .forEach(op -> missing.add("command service: " + op));
        queryServed.stream().filter(op -> !queryKeys.contains(op) && !EndpointMatrix.EXEMPT.containsKey(op))
                .forEach(op -> missing.add("query service: " + op));
        Set<String> stale = new TreeSet<>();
        commandKeys.stream().filter(op -> !commandServed.contains(op)).forEach(op -> stale.add("command: " + op));
        queryKeys.stream().filter(op -> !queryServed.contains(op)).forEach(op -> stale.add("query: " + op));

        assertThat(commandDocumented).as("the command service's OpenAPI document").isNotEmpty();
        assertThat(queryDocumented).as("the query service's OpenAPI document").isNotEmpty();
        assertThat(missing).as("endpoints the services serve that EndpointMatrix does not attack: add each to "
                + "EndpointMatrix.aimedAt (or to EXEMPT with the reason)").isEmpty();
        // an entry for an endpoint not served (yet, or any more) costs one refused request: said, not failed
        stale.forEach(op -> System.out.println("[adversarial] EndpointMatrix attacks what is not served: " + op));
    }

    /** The operations of a service's OpenAPI document, as {@link EndpointMatrix#key} writes them. */
    private static Set<String> documented(String baseUrl) {
        Http.Answer docs = Http.send(baseUrl + "/v3/api-docs", "GET", null, null, Map.of());
        assertThat(docs.status()).as(baseUrl + "/v3/api-docs: " + docs.brief()).isEqualTo(200);
        Set<String> operations = new TreeSet<>();
        Organisation.read(docs.body()).path("paths").fields().forEachRemaining(path ->
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                        operations.add(EndpointMatrix.key(method, path.getKey()));
                    }
                }));
        return operations;
    }

    /** The platform's own handler methods of a web application (not the libraries': error page, OpenAPI). */
    private static Set<String> handled(ConfigurableApplicationContext context) {
        Set<String> operations = new TreeSet<>();
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                .forEach((mapping, handler) -> {
                    if (!handler.getBeanType().getPackageName().startsWith("org.actionlearning")) {
                        return;
                    }
                    Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
                    for (String pattern : mapping.getPatternValues()) {
                        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                            operations.add(EndpointMatrix.key(method.name(), pattern));
                        }
                    }
                });
        return operations;
    }

    // ------------------------------------------------------------------------------------------------ tokens

    @Test
    @Order(2)
    void forgedExpiredAndExplessTokensAreRefusedByBothServices() {
        Instant now = Instant.now();
        Map<String, Object> claims = claims(now, "ADMIN:" + northwind.name);
        byte[] key = TestIdentity.JWT_SECRET.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> hs256 = Map.of("alg", "HS256", "typ", "JWT");
        String valid = sign(hs256, claims, key);

        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("signed with another key", sign(hs256, claims,
                "another-key-of-at-least-32-bytes-0123456789".getBytes(StandardCharsets.UTF_8)));
        forged.put("alg none, no signature", part(Map.of("alg", "none", "typ", "JWT")) + "." + part(claims) + ".");
        forged.put("alg none, the valid signature kept", part(Map.of("alg", "none", "typ", "JWT")) + "."
                + part(claims) + "." + valid.substring(valid.lastIndexOf('.') + 1));
        forged.put("no exp claim", sign(hs256, without(claims, "exp"), key));
        Map<String, Object> expired = new LinkedHashMap<>(claims);
        expired.put("iat", now.minusSeconds(7200).getEpochSecond());
        expired.put("exp", now.minusSeconds(600).getEpochSecond());
        forged.put("expired 10 minutes ago", sign(hs256, expired, key));
        Map<String, Object> notYet = new LinkedHashMap<>(claims);
        notYet.put("nbf", now.plusSeconds(3600).getEpochSecond());
        forged.put("not valid before an hour from now", sign(hs256, notYet, key));
        Map<String, Object> otherAudience = new LinkedHashMap<>(claims);
        otherAudience.put("aud", List.of("another-platform"));
        forged.put("for another audience", sign(hs256, otherAudience, key));
        forged.put("no audience", sign(hs256, without(claims, "aud"), key));
        Map<String, Object> escalated = new LinkedHashMap<>(claims);
        escalated.put("als_grants", List.of("ADMIN:*"));
        forged.put("grants rewritten to ADMIN:* after signing", valid.substring(0, valid.indexOf('.')) + "."
                + part(escalated) + valid.substring(valid.lastIndexOf('.')));
        forged.put("not a token", "not-a-token");

        List<String> failures = new ArrayList<>();
        Map<String, String[]> probes = Map.of("command service", new String[] {services.commandUrl, "/api/users"},
                "query service", new String[] {services.queryUrl, "/api/programmes"});
        probes.forEach((service, probe) -> {
            Http.Answer control = Http.send(probe[0] + probe[1], "GET", "Bearer " + valid, null, Map.of());
            if (control.status() != 200) {
                failures.add(service + ": a valid token answered " + control.brief() + " (the test is broken)");
            }
            forged.forEach((what, token) -> {
                Http.Answer answer = Http.send(probe[0] + probe[1], "GET", "Bearer " + token, null, Map.of());
                if (answer.status() != 401) {
                    failures.add(service + " GET " + probe[1] + " with a token " + what + ": expected 401, got "
                            + answer.brief());
                }
            });
        });
        assertThat(failures).isEmpty();
    }

    private Map<String, Object> claims(Instant now, String... grants) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", northwind.account(Role.ADMIN).username());
        claims.put("aud", List.of("als-platform"));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(3600).getEpochSecond());
        claims.put("als_grants", List.of(grants));
        return claims;
    }

    private static Map<String, Object> without(Map<String, Object> claims, String name) {
        Map<String, Object> fewer = new LinkedHashMap<>(claims);
        fewer.remove(name);
        return fewer;
    }

    private static String sign(Map<String, Object> header, Map<String, Object> claims, byte[] key) {
        String input = part(header) + "." + part(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Object json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Organisation.write(json)
                .getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------------ keys

    @Test
    @Order(3)
    void idempotencyKeysBelongToTheCallerWhoUsedThem() {
        List<String> failures = new ArrayList<>();
        Account admin = northwind.account(Role.ADMIN);
        Account foreignSponsor = southbank.account(Role.SPONSOR);
        String costs = "/api/programmes/" + northwind.programmeId + "/costs";
        String body = Organisation.write(Map.of("category", "VENUE", "amount", 7, "incurredOn", "2026-03-03"));

        String key = UUID.randomUUID().toString();
        Http.Answer first = command("POST", costs, admin.bearer(), body, key);
        assertThat(first.status()).as(admin + " recording a cost: " + first.brief()).isEqualTo(201);
        String costId = Organisation.read(first.body()).get("costId").asText();

        Http.Answer withoutKey = command("POST", costs, foreignSponsor.bearer(), body, null);
        Http.Answer replayed = command("POST", costs, foreignSponsor.bearer(), body, key);
        String replay = foreignSponsor + " replaying " + admin + "'s Idempotency-Key, URL and body";
        if (replayed.status() != withoutKey.status() || replayed.body().contains(costId)
                || replayed.header("Idempotent-Replayed") != null) {
            failures.add(replay + ": expected what they get without the key (" + withoutKey.brief() + "), got "
                    + replayed.brief() + (replayed.header("Idempotent-Replayed") == null ? ""
                    : " with Idempotent-Replayed: " + replayed.header("Idempotent-Replayed")));
        }
        String otherBody = Organisation.write(Map.of("category", "VENUE", "amount", 8, "incurredOn", "2026-03-03"));
        Http.Answer probed = command("POST", costs, foreignSponsor.bearer(), otherBody, key);
        if (probed.status() != withoutKey.status()) {
            failures.add(foreignSponsor + " sending " + admin + "'s Idempotency-Key with another body: expected "
                    + withoutKey.status() + " as without the key (the key's existence is not theirs to learn), got "
                    + probed.brief());
        }
        Http.Answer again = command("POST", costs, admin.bearer(), body, key);
        if (again.status() != 201 || !again.body().contains(costId)
                || !"true".equals(again.header("Idempotent-Replayed"))) {
            failures.add(admin + " retrying their own key: expected their first answer (201, " + costId
                    + ", Idempotent-Replayed: true), got " + again.brief());
        }

        // a key another organisation's user used first is not taken from this caller
        String squatted = UUID.randomUUID().toString();
        Account foreignAdmin = southbank.account(Role.ADMIN);
        Http.Answer squat = command("POST", "/api/programmes/" + southbank.programmeId + "/costs",
                foreignAdmin.bearer(), body, squatted);
        assertThat(squat.status()).as(foreignAdmin + " recording their own cost: " + squat.brief()).isEqualTo(201);
        Http.Answer own = command("POST", costs, admin.bearer(), body, squatted);
        if (own.status() != 201 || own.body().contains(Organisation.read(squat.body()).get("costId").asText())
                || own.header("Idempotent-Replayed") != null) {
            failures.add(admin + " using a key " + foreignAdmin + " used first for their own request: expected a "
                    + "fresh 201, got " + own.brief());
        }

        // two users of one organisation, both allowed, one key: two commands, two effects
        String shared = UUID.randomUUID().toString();
        Account facilitator = northwind.account(Role.FACILITATOR);
        String questions = "/api/sets/" + northwind.setId + "/meetings/" + northwind.meetingId + "/questions";
        String question = Organisation.write(Map.of("challengeId", northwind.challengeId, "askerId",
                northwind.members.get(2), "form", "OPEN"));
        Http.Answer asked = command("POST", questions, facilitator.bearer(), question, shared);
        assertThat(asked.status()).as(facilitator + " asking: " + asked.brief()).isEqualTo(201);
        Http.Answer askedToo = command("POST", questions, admin.bearer(), question, shared);
        String firstId = Organisation.read(asked.body()).get("contributionId").asText();
        if (askedToo.status() != 201 || askedToo.body().contains(firstId)
                || askedToo.header("Idempotent-Replayed") != null) {
            failures.add(admin + " sending the key " + facilitator + " used for the same question: expected a "
                    + "command of their own (201, a new contributionId), got " + askedToo.brief()
                    + (askedToo.header("Idempotent-Replayed") == null ? "" : " replayed"));
        }
        assertThat(failures).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ accounts

    @Test
    @Order(4)
    void onlyAdministratorsManageAccountsWhateverTheGrantList() {
        List<String> failures = new ArrayList<>();
        for (Role role : List.of(Role.SPONSOR, Role.FACILITATOR, Role.MEMBER)) {
            Account caller = southbank.account(role);
            expect403(failures, caller, "POST /api/users with no grants", command("POST", "/api/users",
                    caller.bearer(), Organisation.write(EndpointMatrix.newUser(null)), null));
            Map<String, Object> taken = EndpointMatrix.newUser(null);
            taken.put("username", southbank.account(Role.ADMIN).username());
            expect403(failures, caller, "POST /api/users with no grants and a taken username (403 before any "
                    + "look-up, not 409)", command("POST", "/api/users", caller.bearer(), Organisation.write(taken),
                    null));
            expect403(failures, caller, "POST /api/users granting SPONSOR of their own programme", command("POST",
                    "/api/users", caller.bearer(), Organisation.write(EndpointMatrix.newUser(null,
                            "SPONSOR:" + southbank.programmeId)), null));
            expect403(failures, caller, "GET /api/users", command("GET", "/api/users", caller.bearer(), null, null));
        }

        // the story: an account acting as another organisation's member, then acting on their action
        Account sponsor = southbank.account(Role.SPONSOR);
        Map<String, Object> impostor = EndpointMatrix.newUser(northwind.members.get(1));
        Http.Answer made = command("POST", "/api/users", sponsor.bearer(), Organisation.write(impostor), null);
        if (made.success()) {
            Http.Answer token = Http.send(services.commandUrl + "/api/auth/token", "POST", TestIdentity.basic(
                    (String) impostor.get("username"), (String) impostor.get("password")), null, Map.of());
            String acted = "";
            if (token.status() == 200) {
                Http.Answer progress = command("POST", "/api/actions/" + northwind.actionId + "/progress",
                        "Bearer " + Organisation.read(token.body()).get("access_token").asText(),
                        Organisation.write(Map.of("reportedOn", "2026-03-01", "percentComplete", 30)), null);
                acted = "; signed in as it, reporting progress on Northwind's action answered " + progress.brief();
            }
            failures.add(sponsor + " created an account with Northwind's member " + northwind.members.get(1)
                    + " as its person and no grants: " + made.brief() + acted);
        }

        // odd grant lists from an administrator: nothing outside their organisation, nothing created half-way
        Account admin = southbank.account(Role.ADMIN);
        Map<String, List<String>> odd = new LinkedHashMap<>();
        odd.put("ADMIN of every organisation", List.of("ADMIN:*"));
        odd.put("their own programme and Northwind's administration", List.of("SPONSOR:" + southbank.programmeId,
                "ADMIN:" + northwind.name));
        odd.put("Northwind's set, twice", List.of("MEMBER:" + northwind.setId, "MEMBER:" + northwind.setId));
        odd.put("SERVICE", List.of("SERVICE:query-service"));
        odd.put("a blank grant", List.of(" "));
        for (var grants : odd.entrySet()) {
            Map<String, Object> body = EndpointMatrix.newUser(null, grants.getValue().toArray(String[]::new));
            Http.Answer answer = command("POST", "/api/users", admin.bearer(), Organisation.write(body), null);
            if (answer.success() || answer.status() >= 500) {
                failures.add(admin + " POST /api/users granting " + grants.getKey() + ": expected a 4xx, got "
                        + answer.brief());
            }
            if (usernames().contains((String) body.get("username"))) {
                failures.add("the account refused for granting " + grants.getKey() + " exists all the same");
            }
        }
        Map<String, Object> nullGrants = EndpointMatrix.newUser(null);
        nullGrants.put("grants", null);
        Http.Answer answer = command("POST", "/api/users", admin.bearer(), Organisation.write(nullGrants), null);
        if (answer.status() != 400) {
            failures.add(admin + " POST /api/users with \"grants\": null: expected 400 naming the field, got "
                    + answer.brief());
        }
        assertThat(failures).isEmpty();
    }

    /** Every account's username, as the platform's operator lists them. */
    private Set<String> usernames() {
        Set<String> names = new HashSet<>();
        Organisation.read(command("GET", "/api/users", "Bearer " + platformAdmin, null, null).body())
                .forEach(user -> names.add(user.path("username").asText()));
        return names;
    }

    private static void expect403(List<String> failures, Account caller, String request, Http.Answer answer) {
        if (answer.status() != 403) {
            failures.add(caller + " " + request + ": expected 403, got " + answer.brief());
        }
    }

    // ------------------------------------------------------------------------------------------------ own organisation

    /**
     * Within their own organisation, a sponsor sends no command at all, a member only their own action's, pulse and
     * attribution estimate, and a facilitator nothing above their set (programme, outcomes, accounts, erasure, who
     * facilitates the set).
     */
    @Test
    @Order(5)
    void eachRoleIsRefusedTheCommandsItMayNotSendInItsOwnOrganisation() {
        List<String> failures = new ArrayList<>();
        List<Endpoint> commands = EndpointMatrix.aimedAt(northwind, northwind).stream()
                .filter(e -> e.service() == Service.COMMAND && e.expect() != Expect.NEVER_2XX).toList();
        for (Role role : List.of(Role.SPONSOR, Role.MEMBER, Role.FACILITATOR)) {
            Account caller = northwind.account(role);
            for (Endpoint endpoint : commands) {
                boolean ownAction = endpoint.template().startsWith("/api/actions/");
                // an attendee answers the pulse of their own set's meeting, for themself
                boolean ownPulse = endpoint.template().endsWith("/pulse");
                // a participant of the programme estimates its metrics' attribution, for themself
                boolean ownEstimate = endpoint.template().endsWith("/attributions/mine");
                // who facilitates the set is decided above it
                boolean aboveTheSet = endpoint.template()
                        .matches("/api/(programmes|outcomes|people|internal|users|admin|audit).*")
                        || endpoint.template().endsWith("/facilitator");
                if (role == Role.MEMBER && (ownAction || ownPulse || ownEstimate)
                        || role == Role.FACILITATOR && !aboveTheSet) {
                    continue;
                }
                Exchange exchange = send(caller, endpoint);
                if (exchange.answer().status() != 403 && exchange.answer().status() != 404) {
                    failures.add(exchange.describe() + ": expected 403 (or 404)");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    // ------------------------------------------------------------------------------------------- other organisation

    @Test
    @Order(6)
    void everyRoleOfOneOrganisationIsRefusedTheOthersThingsOnEveryEndpoint() {
        List<String> failures = new ArrayList<>();
        for (Exchange exchange : foreignAnswers()) {
            int status = exchange.answer().status();
            boolean refused = status == 403 || status == 404;
            String expected = switch (exchange.endpoint().expect()) {
                case REFUSED -> refused ? null : "expected 403 or 404";
                case REFUSED_IN_BODY -> refused || status == 400 || status == 422 ? null
                        : "expected 403 or 404 (or 400 or 422 naming the field)";
                case LISTED -> refused || exchange.answer().success() ? null : "expected 2xx without Northwind's "
                        + "data, 403 or 404";
                case NEVER_2XX -> status / 100 == 4 ? null : "expected a 4xx";
            };
            if (expected != null) {
                failures.add(exchange.describe() + ": " + expected);
            } else if (exchange.answer().success()) {
                List<String> leaked = northwind.leakedInto(exchange.answer().body(), exchange.endpoint().path()
                        + " " + exchange.body());
                if (!leaked.isEmpty()) {
                    failures.add(exchange.describe() + ": the answer holds Northwind's " + leaked);
                }
            }
        }
        assertThat(failures).as("requests of Southbank's users aimed at Northwind's things").isEmpty();
    }

    /**
     * A refusal says only that: not which organisation the id belongs to, nor any name in it (what the request
     * carried itself aside).
     */
    @Test
    @Order(7)
    void refusalsTellNothingOfTheOtherOrganisation() {
        // one line per request, whichever of Southbank's roles sent it: the same refusal four times says no more
        Map<String, String> byRequest = new LinkedHashMap<>();
        for (Exchange exchange : foreignAnswers()) {
            if (!exchange.answer().success()) {
                List<String> leaked = northwind.leakedInto(exchange.answer().body(), exchange.endpoint().path()
                        + " " + exchange.body());
                if (!leaked.isEmpty()) {
                    byRequest.putIfAbsent(exchange.endpoint().method() + " " + exchange.endpoint().path(),
                            exchange.endpoint().method() + " " + exchange.endpoint().path() + " as "
                                    + exchange.caller().role() + " (perhaps others too): the refusal names Northwind's "
                                    + leaked + " in " + exchange.answer().brief());
                }
            }
        }
        assertThat(List.copyOf(byRequest.values())).as("refusals of Southbank's users' requests for Northwind's "
                + "things").isEmpty();
    }

    /** Each of Southbank's users against every endpoint aimed at Northwind's things: sent once, checked twice. */
    private synchronized List<Exchange> foreignAnswers() {
        if (foreignAnswers == null) {
            List<Exchange> answers = new ArrayList<>();
            for (Role role : Role.values()) {
                for (Endpoint endpoint : EndpointMatrix.aimedAt(northwind, southbank)) {
                    answers.add(send(southbank.account(role), endpoint));
                }
            }
            foreignAnswers = answers;
        }
        return foreignAnswers;
    }

    // ------------------------------------------------------------------------------------------------ erasure

    @Test
    @Order(8)
    void aPersonAnotherOrganisationAddedToItsSetCanStillBeErasedByTheirOwn() {
        UUID person = northwind.members.get(4);
        Account foreignFacilitator = southbank.account(Role.FACILITATOR);
        Http.Answer added = command("POST", "/api/sets/" + southbank.setId + "/members",
                foreignFacilitator.bearer(), Organisation.write(Map.of("displayName", "Borrowed", "personId", person)),
                null);
        Http.Answer erased = command("DELETE", "/api/people/" + person, northwind.account(Role.ADMIN).bearer(), null,
                null);
        assertThat(erased.status()).as(foreignFacilitator + " added Northwind's " + person + " to their set ("
                + added.brief() + "); then Northwind's administrator erasing them answered " + erased.brief())
                .isEqualTo(204);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Exchange send(Account caller, Endpoint endpoint) {
        String body = endpoint.body() == null ? null : Organisation.write(endpoint.body().get());
        Http.Answer answer = switch (endpoint.service()) {
            case COMMAND -> Http.send(services.commandUrl + endpoint.path(), endpoint.method(), caller.bearer(), body,
                    Map.of());
            case QUERY -> Http.send(services.queryUrl + endpoint.path(), endpoint.method(), caller.bearer(), body,
                    Map.of());
            case PAGE -> caller.pages().get(endpoint.path());
        };
        return new Exchange(caller, endpoint, body, answer);
    }

    private Http.Answer command(String method, String path, String authorization, String body, String key) {
        return Http.send(services.commandUrl + path, method, authorization, body,
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private Http.Answer query(String method, String path, String authorization) {
        return Http.send(services.queryUrl + path, method, authorization, null, Map.of());
    }

    private static String abbreviate(String text, int length) {
        return text.length() > length ? text.substring(0, length) + "..." : text;
    }
}
