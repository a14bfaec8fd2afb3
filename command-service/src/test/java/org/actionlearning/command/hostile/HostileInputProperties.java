package org.actionlearning.command.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.actionlearning.testsupport.TestIdentity;
import org.actionlearning.command.CommandServiceApplication;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 10,000 generated malformed and hostile requests against the running command API: wrong types, missing and
 * extra fields, huge strings, control characters and unusual Unicode, negative and enormous numbers, unknown
 * ids, SQL and HTML injection, broken JSON. None may answer 5xx; every rejection is problem+json that says
 * what is wrong; a rejected request stores nothing.
 */
class HostileInputProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static ConfigurableApplicationContext service;
    private static HttpJson http;
    private static JdbcTemplate jdbc;
    private static Map<String, String> ids;

    /** Each endpoint with the fields its body has. {x} are path ids. */
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/programmes", "organisation", "name", "sponsor", "startsOn", "currency"),
            new Endpoint("/api/programmes/{programme}/costs", "category", "amount", "incurredOn", "note"),
            new Endpoint("/api/programmes/{programme}/close", "closedOn"),
            new Endpoint("/api/sets", "programmeId", "name", "facilitatorName", "facilitatorId"),
            new Endpoint("/api/sets/{set}/members", "displayName", "personId", "joinedOn"),
            new Endpoint("/api/sets/{set}/meetings", "scheduledFor"),
            new Endpoint("/api/sets/{set}/meetings/{meeting}/open", "attendees", "openedOn"),
            new Endpoint("/api/sets/{set}/meetings/{meeting}/challenges", "presenterId", "title", "summary"),
            new Endpoint("/api/sets/{set}/meetings/{meeting}/questions", "challengeId", "askerId", "form", "text",
                    "seconds"),
            new Endpoint("/api/sets/{set}/meetings/{meeting}/statements", "speakerId", "kind", "challengeId", "text",
                    "seconds"),
            new Endpoint("/api/sets/{set}/meetings/{meeting}/actions", "challengeId", "ownerId", "description",
                    "dueOn"),
            new Endpoint("/api/sets/{set}/meetings/{meeting}/reflections", "personId", "text"),
            new Endpoint("/api/sets/{set}/meetings/{meeting}/close", "closedOn"),
            new Endpoint("/api/sets/{set}/meetings/{meeting}/discard", "discardedOn"),
            new Endpoint("/api/actions/{action}/progress", "reportedOn", "percentComplete", "note"),
            new Endpoint("/api/actions/{action}/complete", "completedOn", "evidence"),
            new Endpoint("/api/actions/{action}/abandon", "abandonedOn", "reason"),
            new Endpoint("/api/actions/{action}/reschedule", "dueOn", "reason"),
            new Endpoint("/api/outcomes", "programmeId", "challengeId", "name", "unit", "direction", "period",
                    "valuePerUnit", "target"),
            new Endpoint("/api/outcomes/{metric}/baseline", "measuredOn", "value"),
            new Endpoint("/api/outcomes/{metric}/measurements", "measuredOn", "value"),
            new Endpoint("/api/outcomes/{metric}/attributions", "attributionPercent", "confidencePercent",
                    "estimatedBy"));

    record Endpoint(String path, String... fields) {
    }

    record HostileRequest(String path, String body) {
        @Override
        public String toString() {
            return "POST " + path + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    @BeforeContainer
    static void start() {
        service = CommandServiceApplication.builder().run(TestIdentity.with("--server.port=0",
                "--spring.datasource.url=" + EmbeddedInfrastructure.newDatabase("hostile"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--als.relay.bootstrap-servers=" + EmbeddedInfrastructure.kafkaBootstrapServers(),
                "--als.relay.topic=als.events.hostile", "--logging.level.root=WARN"));
        http = new HttpJson("http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort())
                .as(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);
        jdbc = service.getBean(JdbcTemplate.class);
        ids = realIds();
    }

    @AfterContainer
    static void stop() {
        service.close();
    }

    @Property(tries = 10_000, seed = "20261127")
    void hostileRequestsAreRejectedCleanlyAndStoreNothing(@ForAll("hostileRequests") HostileRequest request) {
        long before = storedEvents();
        HttpJson.Response response = http.send("POST", request.path(), request.body(), Map.of());

        assertThat(response.status()).as("%s -> %s", request, response.raw()).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(request.toString()).startsWith("application/problem+json");
            assertThat(response.body().path("title").asText()).isNotBlank();
            boolean namesTheProblem = response.body().path("errors").size() > 0
                    || !response.body().path("detail").asText().isBlank();
            assertThat(namesTheProblem).as("%s -> %s", request, response.raw()).isTrue();
            assertThat(storedEvents()).as("nothing stored for %s", request).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<HostileRequest> hostileRequests() {
        Arbitrary<Endpoint> endpoints = Arbitraries.of(ENDPOINTS);
        return endpoints.flatMap(endpoint -> Combinators.combine(path(endpoint), body(endpoint))
                .as(HostileRequest::new));
    }

    /** Path ids: a real one, an unknown UUID, or garbage. */
    private Arbitrary<String> path(Endpoint endpoint) {
        Arbitrary<String> id = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("REAL")),
                net.jqwik.api.Tuple.of(2, Arbitraries.create(() -> UUID.randomUUID().toString())),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("not-a-uuid", "1", "%27%20OR%201=1--", "%3Cscript%3E",
                        "00000000-0000-0000-0000-00000000000G", "..%2F..%2Fetc")));
        return id.list().ofSize(2).map(choices -> {
            String path = endpoint.path();
            int i = 0;
            for (String name : List.of("programme", "set", "meeting", "action", "metric")) {
                if (path.contains("{" + name + "}")) {
                    String choice = choices.get(Math.min(i++, 1));
                    path = path.replace("{" + name + "}", choice.equals("REAL") ? ids.get(name) : choice);
                }
            }
            return path;
        });
    }

    private Arbitrary<String> body(Endpoint endpoint) {
        Arbitrary<String> brokenJson = Arbitraries.of("", "{", "}", "[]", "null", "\"just a string\"", "{\"a\":",
                "{\"name\": \"unterminated}", "{'single': 'quotes'}", "{\"a\":1,}", "\u0000\u0001", "<xml/>",
                "[".repeat(5000), "{\"n\": 1e999999}", "{\"name\": \"\\ud800\"}");
        Arbitrary<String> objects = Combinators.combine(
                Arbitraries.subsetOf(endpoint.fields()),
                hostileValue().list().ofSize(endpoint.fields().length),
                Arbitraries.of("", "extra", "__proto__", "$where", "name\u0000").list().ofMaxSize(2))
                .as((present, values, extras) -> {
                    ObjectNode object = NODES.objectNode();
                    int i = 0;
                    for (String field : endpoint.fields()) {
                        if (present.contains(field)) {
                            object.set(field, values.get(i));
                        }
                        i++;
                    }
                    extras.forEach(extra -> object.put(extra, "surprise"));
                    return object.toString();
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, brokenJson), net.jqwik.api.Tuple.of(9, objects));
    }

    /** Values of every wrong kind, and right-looking values with hostile content. */
    private Arbitrary<JsonNode> hostileValue() {
        Arbitrary<String> strings = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.of("'; drop table domainevententry; --", "\" OR \"1\"=\"1", "<script>alert(1)</script>",
                        "<img src=x onerror=alert(1)>", "{{7*7}}", "${jndi:ldap://x/a}", "\u202Eevil\u202C", "🦄🔥",
                        "\u0000", "\t\r\n", "Ω≈ç√∫", "2026-02-30", "2026-13-01", "-1", "1e308", "NaN", "OPEN",
                        "ADVICE", "WEEK", "DECREASE", "GBP", "XXX", "FACILITATION", "2026-03-09",
                        UUID.randomUUID().toString(), "")),
                net.jqwik.api.Tuple.of(8, Arbitraries.strings().all().ofMaxLength(40)),
                // huge values, beyond every field's limit
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars('a', 'Z').ofMinLength(5_000)
                        .ofMaxLength(100_000)));
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(-1, 0, 101, 1000, Integer.MAX_VALUE, Integer.MIN_VALUE).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of("1e400", "-1e400", "123456789012345678901234567890").map(this::rawNumber));
        Arbitrary<JsonNode> others = Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true),
                NODES.arrayNode(), NODES.objectNode(), arrayOf(UUID.randomUUID().toString(), "x"),
                NODES.objectNode().put("changePercent", -5).put("withinDays", 0));
        return Arbitraries.oneOf(strings.map(NODES::textNode), numbers, others);
    }

    private JsonNode rawNumber(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return NODES.textNode(text);
        }
    }

    private static ArrayNode arrayOf(String... values) {
        ArrayNode array = NODES.arrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    private static long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    /** A programme, an open meeting with a challenge, an action and a metric, for requests with real ids. */
    private static Map<String, String> realIds() {
        String programme = http.post("/api/programmes", Map.of("organisation", "O", "name", "N", "sponsor", "S",
                "startsOn", "2026-01-05", "currency", "GBP")).id("programmeId").toString();
        String set = http.post("/api/sets", Map.of("programmeId", programme, "name", "S", "facilitatorName", "F"))
                .id("setId").toString();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(http.post("/api/sets/" + set + "/members", Map.of("displayName", "M" + i))
                    .id("personId").toString());
        }
        String meeting = http.post("/api/sets/" + set + "/meetings", Map.of("scheduledFor", "2026-02-02"))
                .id("meetingId").toString();
        http.post("/api/sets/" + set + "/meetings/" + meeting + "/open", Map.of("attendees", members));
        String challenge = http.post("/api/sets/" + set + "/meetings/" + meeting + "/challenges",
                Map.of("presenterId", members.get(0), "title", "T")).id("challengeId").toString();
        String action = http.post("/api/sets/" + set + "/meetings/" + meeting + "/actions", Map.of("challengeId",
                challenge, "ownerId", members.get(0), "description", "D", "dueOn", "2026-03-01"))
                .id("actionId").toString();
        String metric = http.post("/api/outcomes", Map.of("programmeId", programme, "name", "M", "unit", "u",
                "direction", "DECREASE", "period", "WEEK")).id("metricId").toString();
        return Map.of("programme", programme, "set", set, "meeting", meeting, "action", action, "metric", metric);
    }
}
