package org.actionlearning.launcher.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actionlearning.events.personaldata.SealedText;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Erasure in an append-only store, end to end: a member with a distinctive name presents a distinctive challenge,
 * is erased, and then neither the name nor the texts are readable in the event store, on the topic or in any
 * read-model table, nor after a full rebuild of the read models; the counts do not change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureEndToEndTest {

    private static final String NAME = "Zebedee Quillfeather";
    private static final String TITLE = "The lilac ledger backlog";
    private static final String SUMMARY = "Porters wait on the lilac ledger every Tuesday";
    /** What must not be found anywhere in readable form after the erasure. */
    private static final List<String> SECRETS = List.of(NAME, "Zebedee", "Quillfeather", "lilac ledger",
            "Tuesday");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private BothServices services;
    private HttpJson cmd;
    private HttpJson query;
    private UUID programmeId;
    private UUID setId;
    private UUID zebedee;
    private UUID ann;

    @BeforeAll
    void recordASetMeeting() {
        services = new BothServices("erasure");
        cmd = services.commands;
        programmeId = id(cmd.post("/api/programmes", Map.of("organisation", "St Elsewhere", "name", "Discharge",
                "sponsor", "Chief Nurse", "startsOn", "2026-01-05", "currency", "GBP")), "programmeId");
        setId = id(cmd.post("/api/sets", Map.of("programmeId", programmeId, "name", "Wards",
                "facilitatorName", "Fran Facilitator")), "setId");
        // the set's detail is for its facilitator (the administrator sees aggregates only)
        query = services.queriesAs("fran", "FACILITATOR:" + setId);
        zebedee = id(cmd.post("/api/sets/" + setId + "/members", Map.of("displayName", NAME)), "personId");
        ann = id(cmd.post("/api/sets/" + setId + "/members", Map.of("displayName", "Ann Asker")), "personId");
        UUID ben = id(cmd.post("/api/sets/" + setId + "/members", Map.of("displayName", "Ben Bystander")),
                "personId");
        String meeting = "/api/sets/" + setId + "/meetings/"
                + id(cmd.post("/api/sets/" + setId + "/meetings", Map.of("scheduledFor", "2026-02-02")), "meetingId");
        status(cmd.post(meeting + "/open", Map.of("attendees", List.of(zebedee, ann, ben))), 200);
        UUID challenge = id(cmd.post(meeting + "/challenges", Map.of("presenterId", zebedee, "title", TITLE,
                "summary", SUMMARY)), "challengeId");
        id(cmd.post(meeting + "/questions", Map.of("challengeId", challenge, "askerId", ann, "form", "OPEN",
                "text", "What does the porter see?")), "contributionId");
        id(cmd.post(meeting + "/questions", Map.of("challengeId", challenge, "askerId", ben, "form", "CLOSED",
                "text", "Is it every week?")), "contributionId");
        id(cmd.post(meeting + "/statements", Map.of("speakerId", zebedee, "kind", "ANSWER",
                "challengeId", challenge, "text", "Zebedee: the lilac ledger arrives late")), "contributionId");
        id(cmd.post(meeting + "/statements", Map.of("speakerId", ann, "kind", "ADVICE",
                "challengeId", challenge, "text", "Ask the ward clerk")), "contributionId");
        UUID action = id(cmd.post(meeting + "/actions", Map.of("challengeId", challenge, "ownerId", zebedee,
                "description", "Audit the lilac ledger", "dueOn", "2026-02-20")), "actionId");
        id(cmd.post(meeting + "/reflections", Map.of("personId", zebedee,
                "text", "Quillfeather learnt to ask the porters")), "reflectionId");
        status(cmd.post(meeting + "/close", Map.of()), 200);
        status(cmd.post("/api/actions/" + action + "/complete", Map.of("completedOn", "2026-02-16",
                "evidence", "lilac ledger audit notes")), 200);
        await().atMost(PATIENCE).until(() -> query.get("/api/programmes/" + programmeId + "/actions").status() == 200
                && "COMPLETED".equals(query.get("/api/programmes/" + programmeId + "/actions").body()
                .at("/0/status").asText()));
    }

    @AfterAll
    void stop() {
        services.close();
    }

    @Test
    void anErasedMemberIsUnreadableEverywhereAndTheCountsStay() throws Exception {
        // before: the set's facilitator sees the name and the texts, opened by the vault
        JsonNode zebBefore = member(fairness(), zebedee);
        assertThat(zebBefore.get("displayName").asText()).isEqualTo(NAME);
        assertThat(zebBefore.get("erased").asBoolean()).isFalse();
        JsonNode record = query.get("/api/sets/" + setId + "/record").body();
        assertThat(record.at("/meetings/0/challenges/0/title").asText()).isEqualTo(TITLE);
        assertThat(record.at("/meetings/0/challenges/0/summary").asText()).isEqualTo(SUMMARY);
        assertThat(record.at("/meetings/0/challenges/0/presenter/displayName").asText()).isEqualTo(NAME);
        assertThat(query.get("/sets/" + setId + "/fairness").raw()).contains(NAME);
        Counts before = counts();
        // and even now nothing is stored in readable form: only ciphertext left the command service's edge
        assertNoSecretsStored();
        List<String> zebedeesTokens = tokensOnTheTopicOf(zebedee);
        assertThat(zebedeesTokens).hasSizeGreaterThanOrEqualTo(6);  // name, title, summary, statement, action, ...

        assertThat(cmd.delete("/api/people/" + zebedee).status()).isEqualTo(204);

        // the key is gone: none of the person's tokens on the topic opens any more; other people's still do
        // (only the platform's own services may unseal: the administrator is refused)
        assertThat(cmd.post("/api/internal/personal-data/unseal", Map.of("tokens", zebedeesTokens)).status())
                .isEqualTo(403);
        JsonNode opened = cmd.as("service", TestIdentity.SERVICE_PASSWORD)
                .post("/api/internal/personal-data/unseal", Map.of("tokens", zebedeesTokens)).body();
        zebedeesTokens.forEach(token -> assertThat(opened.at("/values").get(token).isNull()).isTrue());
        await().atMost(PATIENCE).until(() -> member(fairness(), zebedee).get("erased").asBoolean()
                && query.get("/api/sets/" + setId + "/record").body().at("/meetings/0/challenges/0/title").isNull());
        assertShownAsErased();
        assertNoSecretsStored();
        assertThat(counts()).isEqualTo(before);

        // a full rebuild of the read models from the topic shows the person as erased, never the data
        assertThat(services.queries.post("/api/admin/rebuild", Map.of()).status()).isEqualTo(202);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> "DONE".equals(services.queries.get("/api/admin/rebuild").body().path("state").asText()));
        await().atMost(PATIENCE).until(() -> counts().equals(before));
        assertShownAsErased();
        assertNoSecretsStored();
    }

    private void assertShownAsErased() {
        JsonNode zeb = member(fairness(), zebedee);
        assertThat(zeb.get("displayName").isNull()).isTrue();
        assertThat(zeb.get("erased").asBoolean()).isTrue();
        assertThat(member(fairness(), ann).get("displayName").asText()).isEqualTo("Ann Asker");

        JsonNode record = query.get("/api/sets/" + setId + "/record").body();
        assertThat(record.get("personalDataUnavailable").asBoolean()).isFalse();
        JsonNode challenge = record.at("/meetings/0/challenges/0");
        assertThat(challenge.get("title").isNull()).isTrue();
        assertThat(challenge.get("summary").isNull()).isTrue();
        assertThat(challenge.at("/presenter/erased").asBoolean()).isTrue();
        for (JsonNode contribution : record.at("/meetings/0/contributions")) {
            boolean his = contribution.at("/author/personId").asText().equals(zebedee.toString());
            assertThat(contribution.get("text").isNull()).isEqualTo(his);
            assertThat(contribution.at("/author/erased").asBoolean()).isEqualTo(his);
        }
        assertThat(record.at("/meetings/0/reflections/0/text").isNull()).isTrue();
        JsonNode action = query.get("/api/programmes/" + programmeId + "/actions").body().get(0);
        assertThat(action.has("description")).as("no description (a null is left out)").isFalse();
        assertThat(action.get("ownerErased").asBoolean()).isTrue();

        String page = query.get("/sets/" + setId + "/fairness").raw();
        assertThat(page).contains("Erased member", "Ann Asker").doesNotContain("Zebedee", "Quillfeather");
        assertThat(query.get("/").raw()).contains("Fran Facilitator");
    }

    /** (a) every table of the command side's database, (b) every record on the topic, (c) every read-model table. */
    private void assertNoSecretsStored() throws SQLException {
        Map<String, String> stored = new LinkedHashMap<>();
        stored.putAll(everyRow("commands", services.commandDatabaseUrl));
        stored.putAll(everyRow("queries", services.queryDatabaseUrl));
        assertThat(stored.keySet()).contains("commands.domainevententry", "commands.snapshotevententry",
                "queries.set_member", "queries.challenge", "queries.contribution", "queries.reflection",
                "queries.action_item", "queries.learning_set", "queries.erased_person");
        // the search does see readable text: the organisation (not personal) is there in plain
        assertThat(stored.get("commands.domainevententry")).contains("St Elsewhere", "pii:v1:" + zebedee);
        assertThat(stored.get("queries.programme")).contains("St Elsewhere");
        stored.forEach((table, rows) -> assertThat(rows).as(table).doesNotContain(SECRETS));
        List<String> records = topicRecords();
        assertThat(records).hasSizeGreaterThan(15);
        assertThat(records).anySatisfy(r -> assertThat(r).contains("St Elsewhere"));
        assertThat(records).allSatisfy(r -> assertThat(r).doesNotContain(SECRETS));
    }

    /** Each table as text: text columns as they are, byte columns (event payloads, metadata) decoded as UTF-8. */
    private static Map<String, String> everyRow(String side, String jdbcUrl) throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            for (String table : names) {
                StringBuilder text = new StringBuilder();
                try (ResultSet r = s.executeQuery("select * from " + table)) {
                    ResultSetMetaData columns = r.getMetaData();
                    while (r.next()) {
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            text.append(columns.getColumnTypeName(i).equals("bytea") && r.getBytes(i) != null
                                    ? new String(r.getBytes(i), StandardCharsets.UTF_8) : r.getString(i)).append('|');
                        }
                        text.append('\n');
                    }
                }
                tables.put(side + "." + table, text.toString());
            }
        }
        return tables;
    }

    /** Every record on the events topic, key, headers and value, as raw bytes decoded as UTF-8. */
    private List<String> topicRecords() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "erasure-audit-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(services.topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> records = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder text = new StringBuilder();
                    text.append(record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
                    for (Header header : record.headers()) {
                        text.append('|').append(header.key()).append('=')
                                .append(new String(header.value(), StandardCharsets.UTF_8));
                    }
                    text.append('|').append(new String(record.value(), StandardCharsets.UTF_8));
                    records.add(text.toString());
                }
            }
            return records;
        }
    }

    private List<String> tokensOnTheTopicOf(UUID personId) {
        Pattern token = Pattern.compile(Pattern.quote(SealedText.prefixOf(personId)) + "[A-Za-z0-9_-]+");
        List<String> tokens = new ArrayList<>();
        for (String record : topicRecords()) {
            Matcher found = token.matcher(record);
            while (found.find()) {
                tokens.add(found.group());
            }
        }
        return tokens;
    }

    /** (f) what the statistics count: members, challenges, questions, statements and each person's contributions. */
    private record Counts(JsonNode dashboard, Map<UUID, String> contributions) {
    }

    private Counts counts() {
        JsonNode dashboard = services.queries.get("/api/programmes/" + programmeId + "/dashboard?asOf=2026-03-01").body();
        Map<UUID, String> contributions = new LinkedHashMap<>();
        for (UUID person : List.of(zebedee, ann)) {
            JsonNode member = member(fairness(), person);
            contributions.put(person, member.get("questions") + "/" + member.get("statements") + "/"
                    + member.get("contributions") + "/" + member.get("presented"));
        }
        ObjectNode counts = dashboard.get("counts").deepCopy();
        counts.put("committed", dashboard.at("/followThrough/committed").asInt());
        counts.put("completed", dashboard.at("/followThrough/completed").asInt());
        return new Counts(counts, contributions);
    }

    private JsonNode fairness() {
        HttpJson.Response answer = query.get("/api/sets/" + setId + "/fairness");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode member(JsonNode fairness, UUID personId) {
        for (JsonNode member : fairness.at("/meetings/0/members")) {
            if (member.get("personId").asText().equals(personId.toString())) {
                return member;
            }
        }
        throw new AssertionError("no member " + personId + " in " + fairness);
    }

    private static UUID id(HttpJson.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.id(field);
    }

    private static void status(HttpJson.Response response, int expected) {
        assertThat(response.status()).as(response.raw()).isEqualTo(expected);
    }
}
