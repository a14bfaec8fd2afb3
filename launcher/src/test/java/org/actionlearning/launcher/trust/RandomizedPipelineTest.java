package org.actionlearning.launcher.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.projection.ProjectionConsumer;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pipeline under a seeded, random concurrent load: several threads send commands to a few aggregates at once
 * (one set with an open meeting, its programme, two actions), some with an {@code Idempotency-Key} and some
 * without, some keys sent again after their answer and some sent twice at the same moment (a 409 is retried, as
 * its problem says, with the same key); meanwhile the relay
 * and the projection are each stopped and started again. At the end every command that got a 2xx has its effect
 * exactly once: in the event store, in each member's counts of the fairness audit, in the programme's costs and
 * in each action's due date; a key sent twice counts once; nothing is dead-lettered; and the read models'
 * checksum equals the one after a clean rebuild from the topic.
 *
 * <p>The seed is printed at the start and in every failure; {@code -Dals.pipeline.seed=...} replays the same
 * choices of commands, keys, retries and fault moments (the threads' interleaving is the machine's).
 * {@code -Dals.pipeline.commands=...} sets the commands per thread.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TrustServices.class)
class RandomizedPipelineTest {

    static final long SEED = Long.getLong("als.pipeline.seed", new Random().nextLong());
    private static final int THREADS = 8;
    private static final int COMMANDS_PER_THREAD = Integer.getInteger("als.pipeline.commands", 50);
    private static final int MEMBERS = 6;
    private static final String ORGANISATION = "Pipeline Trust";
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate MEETING_DAY = LocalDate.of(2026, 2, 2);

    enum Kind { QUESTION, STATEMENT, COST, RESCHEDULE }

    /** One request and what came back. {@code key} is null without the header. */
    record Sent(Kind kind, UUID target, UUID person, String key, long amount, LocalDate dueOn, boolean twin,
                int status, UUID createdId, String raw) {

        boolean acknowledged() {
            return status / 100 == 2;
        }

        /** What one effect is known by: its key, or this request alone. */
        Object effect() {
            return key != null ? key : this;
        }
    }

    private BothServices services;
    private HttpJson commands;
    private HttpJson operator;
    private HttpJson facilitator;
    private UUID programmeId;
    private UUID setId;
    private UUID meetingId;
    private UUID challengeId;
    private UUID presenter;
    private final List<UUID> members = new ArrayList<>();
    private final List<UUID> actions = new ArrayList<>();
    private final AtomicInteger dueDays = new AtomicInteger();
    private final AtomicInteger conflicts = new AtomicInteger();

    @BeforeAll
    void aSetWithAnOpenMeetingAndTwoActions() {
        System.out.println("[pipeline] seed " + SEED + " (replay with -Dals.pipeline.seed=" + SEED + ")");
        services = TrustServices.services();
        commands = new HttpJson(services.commandUrl).withToken(TestTokens.token("pipeline-admin", null,
                "ADMIN:" + ORGANISATION));
        operator = new HttpJson(services.queryUrl).withToken(TestTokens.token("pipeline-operator", null, "ADMIN:*"));
        programmeId = created(commands.post("/api/programmes", Map.of("organisation", ORGANISATION,
                "name", "Pipeline", "sponsor", "COO", "startsOn", "2026-01-05", "currency", "GBP")), "programmeId");
        setId = created(commands.post("/api/sets", Map.of("programmeId", programmeId, "name", "Busy set",
                "facilitatorName", "Fran")), "setId");
        facilitator = new HttpJson(services.queryUrl).withToken(TestTokens.token("pipeline-facilitator", null,
                "FACILITATOR:" + setId));
        for (int i = 0; i < MEMBERS; i++) {
            members.add(created(commands.post("/api/sets/" + setId + "/members",
                    Map.of("displayName", "Member " + i)), "personId"));
        }
        meetingId = created(commands.post("/api/sets/" + setId + "/meetings",
                Map.of("scheduledFor", MEETING_DAY.toString())), "meetingId");
        HttpJson.Response opened = commands.post(meeting() + "/open", Map.of("attendees", members));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
        presenter = members.get(0);
        challengeId = created(commands.post(meeting() + "/challenges", Map.of("presenterId", presenter,
                "title", "Too many handovers")), "challengeId");
        for (int i = 0; i < 2; i++) {
            actions.add(created(commands.post(meeting() + "/actions", Map.of("challengeId", challengeId,
                    "ownerId", presenter, "description", "Follow up " + i, "dueOn", "2026-03-01")), "actionId"));
        }
    }

    @Test
    void everyAcknowledgedCommandTakesEffectExactlyOnceWhileTheRelayAndTheProjectionRestart() throws Exception {
        Random plan = new Random(SEED);
        int total = THREADS * COMMANDS_PER_THREAD;
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(THREADS);
        ExecutorService twins = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> threads = new ArrayList<>();
        long begin = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(SEED * 31 + t);
            threads.add(workers.submit(() -> {
                for (int n = 0; n < COMMANDS_PER_THREAD; n++) {
                    sendOne(random, sent, twins);
                    done.incrementAndGet();
                }
                return null;
            }));
        }

        // the faults, in an order and for lengths the seed chooses, a third and two thirds into the load
        boolean relayFirst = plan.nextBoolean();
        List<String> faults = new ArrayList<>();
        for (int third = 1; third <= 2; third++) {
            awaitProgress(done, total * third / 3, threads);
            long downMillis = 300 + plan.nextInt(1_200);
            boolean relay = relayFirst == (third == 1);
            faults.add(relay ? restartRelay(downMillis) : restartProjection(downMillis));
        }
        workers.shutdown();
        assertThat(workers.awaitTermination(120, TimeUnit.SECONDS)).as("the load finished").isTrue();
        for (Future<?> thread : threads) {
            thread.get();
        }
        twins.shutdown();
        List<Sent> all = List.copyOf(sent);
        String context = "seed " + SEED + " (replay with -Dals.pipeline.seed=" + SEED + "); faults: " + faults;
        System.out.printf("[pipeline] %d requests (%d with a key, %d repeats of a key, %d 409s retried) in %d ms;"
                        + " %s%n", all.size(), all.stream().filter(s -> s.key() != null).count(),
                all.size() - all.stream().map(Sent::effect).distinct().count(), conflicts.get(),
                (System.nanoTime() - begin) / 1_000_000, faults);

        List<String> findings = new ArrayList<>(answers(all));
        awaitCaughtUp(all);
        findings.addAll(eventStore(all));
        findings.addAll(readModels(all));
        findings.addAll(checksumAgainstRebuild());
        assertThat(findings).as(context).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------- the load

    private void sendOne(Random random, ConcurrentLinkedQueue<Sent> sent, ExecutorService twins) throws Exception {
        int roll = random.nextInt(100);
        Kind kind = roll < 55 ? Kind.QUESTION : roll < 70 ? Kind.STATEMENT : roll < 85 ? Kind.COST : Kind.RESCHEDULE;
        boolean keyed = random.nextInt(100) < (kind == Kind.QUESTION ? 75 : 50);
        String key = keyed ? new UUID(random.nextLong(), random.nextLong()).toString() : null;
        UUID person = members.get(1 + random.nextInt(MEMBERS - 1));
        Map<String, Object> body = new LinkedHashMap<>();
        String path;
        UUID target;
        long amount = 0;
        LocalDate dueOn = null;
        switch (kind) {
            case QUESTION -> {
                path = meeting() + "/questions";
                target = setId;
                body.put("challengeId", challengeId);
                body.put("askerId", person);
                body.put("form", random.nextBoolean() ? "OPEN" : "CLOSED");
            }
            case STATEMENT -> {
                path = meeting() + "/statements";
                target = setId;
                body.put("speakerId", person);
                body.put("kind", random.nextBoolean() ? "ADVICE" : "REFLECTION");
                body.put("challengeId", challengeId);
            }
            case COST -> {
                path = "/api/programmes/" + programmeId + "/costs";
                target = programmeId;
                person = null;
                amount = 1 + random.nextInt(999);
                body.put("category", "FACILITATION");
                body.put("amount", amount);
                body.put("incurredOn", "2026-03-01");
            }
            default -> {
                target = actions.get(random.nextInt(actions.size()));
                path = "/api/actions/" + target + "/reschedule";
                person = null;
                // a date no other request uses, so every reschedule changes the due date
                dueOn = MEETING_DAY.plusDays(1 + dueDays.incrementAndGet());
                body.put("dueOn", dueOn.toString());
            }
        }
        int retry = keyed ? random.nextInt(100) : 100;
        Kind k = kind;
        UUID p = person;
        long a = amount;
        LocalDate d = dueOn;
        if (retry < 10) {
            // the same key twice at the same moment, as a client that timed out and retried at once
            CompletableFuture<Sent> twin = CompletableFuture.supplyAsync(() -> send(k, target, p, key, a, d, true,
                    path, body), twins);
            sent.add(send(kind, target, person, key, amount, dueOn, false, path, body));
            sent.add(twin.get(60, TimeUnit.SECONDS));
        } else {
            sent.add(send(kind, target, person, key, amount, dueOn, false, path, body));
            if (retry < 25) {
                // the same key again after the answer, as a client that lost the answer
                sent.add(send(kind, target, person, key, amount, dueOn, false, path, body));
            }
        }
    }

    private Sent send(Kind kind, UUID target, UUID person, String key, long amount, LocalDate dueOn, boolean twin,
                      String path, Map<String, Object> body) {
        try {
            HttpJson.Response response = commands.post(path, body,
                    key == null ? Map.of() : Map.of("Idempotency-Key", key));
            // 409 says "another change was stored first; retry": a client does, with the same key if it had one
            for (int attempt = 1; response.status() == 409 && attempt < 5; attempt++) {
                conflicts.incrementAndGet();
                Thread.sleep(20L * attempt);
                response = commands.post(path, body, key == null ? Map.of() : Map.of("Idempotency-Key", key));
            }
            UUID created = null;
            String field = kind == Kind.COST ? "costId" : "contributionId";
            if (response.status() / 100 == 2 && response.body().hasNonNull(field)) {
                created = UUID.fromString(response.body().get(field).asText());
            }
            return new Sent(kind, target, person, key, amount, dueOn, twin, response.status(), created,
                    response.raw());
        } catch (RuntimeException | InterruptedException e) {
            return new Sent(kind, target, person, key, amount, dueOn, twin, -1, null, e.toString());
        }
    }

    private static void awaitProgress(AtomicInteger done, int target, List<Future<?>> threads) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (done.get() < target && System.nanoTime() < deadline) {
            if (threads.stream().allMatch(Future::isDone)) {
                for (Future<?> thread : threads) {
                    thread.get();       // a thread that failed says why
                }
                return;
            }
            Thread.sleep(10);
        }
    }

    // ------------------------------------------------------------------------------------------------- faults

    private String restartRelay(long downMillis) throws InterruptedException {
        EventProcessor relay = services.commandSide().getBean(EventProcessingConfiguration.class)
                .eventProcessor("kafka-relay").orElseThrow(() -> new IllegalStateException("no relay processor"));
        relay.shutDown();
        Thread.sleep(downMillis);
        relay.start();
        return "relay stopped for " + downMillis + " ms";
    }

    private String restartProjection(long downMillis) throws InterruptedException {
        ProjectionConsumer projection = services.querySide().getBean(ProjectionConsumer.class);
        projection.stop();
        Thread.sleep(downMillis);
        projection.start();
        return "projection stopped for " + downMillis + " ms";
    }

    // ------------------------------------------------------------------------------------------------- checks

    /** Every request answered 2xx; every answer to one key names the same created id. */
    private static List<String> answers(List<Sent> all) {
        List<String> findings = new ArrayList<>();
        for (Sent s : all) {
            if (!s.acknowledged()) {
                findings.add(s.kind() + (s.key() == null ? " without a key" : " with key " + s.key())
                        + (s.twin() ? " (sent twice at once)" : "") + " answered " + s.status() + ": "
                        + abbreviate(s.raw()));
            }
        }
        Map<String, Set<UUID>> idsByKey = new HashMap<>();
        all.stream().filter(s -> s.key() != null && s.createdId() != null)
                .forEach(s -> idsByKey.computeIfAbsent(s.key(), k -> new HashSet<>()).add(s.createdId()));
        idsByKey.forEach((key, ids) -> {
            if (ids.size() > 1) {
                findings.add("key " + key + " answered with different ids " + ids + ": the command ran twice");
            }
        });
        return findings;
    }

    /** The acknowledged effects, once each, against what the event store holds. */
    private List<String> eventStore(List<Sent> all) throws Exception {
        List<String> findings = new ArrayList<>();
        Map<Kind, Set<UUID>> storedIds = new HashMap<>();
        Map<UUID, Integer> reschedules = new HashMap<>();
        try (Connection c = DriverManager.getConnection(services.commandDatabaseUrl, "postgres", "postgres");
             Statement s = c.createStatement();
             // only this test's aggregates: other classes share the platform and record questions and costs too
             ResultSet r = s.executeQuery("select payloadtype, convert_from(payload, 'UTF8'), aggregateidentifier"
                     + " from domainevententry where (payloadtype like '%QuestionAsked'"
                     + " or payloadtype like '%StatementMade' or payloadtype like '%ProgrammeCostRecorded'"
                     + " or payloadtype like '%ActionRescheduled') and aggregateidentifier in ('" + setId + "', '"
                     + programmeId + "', '" + actions.get(0) + "', '" + actions.get(1) + "')")) {
            while (r.next()) {
                JsonNode event = JSON.readTree(r.getString(2));
                String type = r.getString(1);
                if (type.endsWith("QuestionAsked")) {
                    storedIds.computeIfAbsent(Kind.QUESTION, k -> new HashSet<>())
                            .add(UUID.fromString(event.get("contributionId").asText()));
                } else if (type.endsWith("StatementMade")) {
                    storedIds.computeIfAbsent(Kind.STATEMENT, k -> new HashSet<>())
                            .add(UUID.fromString(event.get("contributionId").asText()));
                } else if (type.endsWith("ProgrammeCostRecorded")) {
                    storedIds.computeIfAbsent(Kind.COST, k -> new HashSet<>())
                            .add(UUID.fromString(event.get("costId").asText()));
                } else {
                    reschedules.merge(UUID.fromString(r.getString(3)), 1, Integer::sum);
                }
            }
        }
        for (Kind kind : List.of(Kind.QUESTION, Kind.STATEMENT, Kind.COST)) {
            Set<UUID> acknowledged = all.stream().filter(s -> s.kind() == kind && s.acknowledged()
                    && s.createdId() != null).map(Sent::createdId).collect(Collectors.toSet());
            Set<UUID> stored = storedIds.getOrDefault(kind, Set.of());
            Set<UUID> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored);
            Set<UUID> unacknowledged = new HashSet<>(stored);
            unacknowledged.removeAll(acknowledged);
            if (!missing.isEmpty()) {
                findings.add("event store: " + missing.size() + " acknowledged " + kind + " not stored");
            }
            if (!unacknowledged.isEmpty()) {
                findings.add("event store: " + unacknowledged.size() + " " + kind + " stored with no 2xx for it");
            }
        }
        for (UUID action : actions) {
            long effects = acknowledgedEffects(all, Kind.RESCHEDULE, s -> s.target().equals(action));
            int stored = reschedules.getOrDefault(action, 0);
            if (stored != effects) {
                findings.add("event store: action " + action + " rescheduled " + stored + " times, "
                        + effects + " reschedules acknowledged (a key counted once)");
            }
        }
        return findings;
    }

    /** Each member's counts, the programme's costs and each action's due date, as the query API answers them. */
    private List<String> readModels(List<Sent> all) throws Exception {
        List<String> findings = new ArrayList<>();
        JsonNode fairness = facilitator.get("/api/sets/" + setId + "/fairness").body();
        JsonNode meeting = null;
        for (JsonNode m : fairness.path("meetings")) {
            if (m.path("meetingId").asText().equals(meetingId.toString())) {
                meeting = m;
            }
        }
        if (meeting == null) {
            return List.of("fairness audit has no meeting " + meetingId + ": " + abbreviate(fairness.toString()));
        }
        Map<UUID, JsonNode> rows = new HashMap<>();
        meeting.path("members").forEach(row -> rows.put(UUID.fromString(row.path("personId").asText()), row));
        int questionsLost = 0;
        for (UUID member : members) {
            JsonNode row = rows.get(member);
            long questions = distinctCreated(all, Kind.QUESTION, member);
            long statements = distinctCreated(all, Kind.STATEMENT, member);
            int readQuestions = row == null ? 0 : row.path("questions").asInt();
            int readStatements = row == null ? 0 : row.path("statements").asInt();
            questionsLost += (int) questions - readQuestions;
            if (readQuestions != questions || readStatements != statements) {
                findings.add("fairness audit: member " + member + " has " + readQuestions + " questions and "
                        + readStatements + " statements; acknowledged (a key counted once): " + questions
                        + " and " + statements);
            }
        }
        if (questionsLost != 0) {
            findings.add("fairness audit: " + questionsLost + " acknowledged questions missing in all ("
                    + distinctCreated(all, Kind.QUESTION, null) + " acknowledged)");
        }

        long costs = all.stream().filter(s -> s.kind() == Kind.COST && s.acknowledged() && s.createdId() != null)
                .collect(Collectors.toMap(Sent::createdId, Sent::amount, (x, y) -> x)).values().stream()
                .mapToLong(Long::longValue).sum();
        double readCosts = operator.get("/api/programmes/" + programmeId + "/roi").body().path("costs")
                .path("total").asDouble();
        if (Math.abs(readCosts - costs) > 1e-6) {
            findings.add("ROI: costs total " + readCosts + ", acknowledged costs (a key counted once) total " + costs);
        }

        Map<UUID, LocalDate> lastStoredDue = lastStoredDueDates();
        JsonNode listed = operator.get("/api/programmes/" + programmeId + "/actions").body();
        for (JsonNode action : listed) {
            UUID id = UUID.fromString(action.path("actionId").asText());
            LocalDate expected = lastStoredDue.get(id);
            if (expected != null && !expected.toString().equals(action.path("dueOn").asText())) {
                findings.add("actions: " + id + " is due " + action.path("dueOn").asText()
                        + " in the read model, its last stored reschedule says " + expected);
            }
        }

        JsonNode deadLetters = operator.get("/api/admin/dead-letters").body().path("deadLetters");
        if (deadLetters.size() > 0) {
            findings.add(deadLetters.size() + " dead letters, e.g. " + abbreviate(deadLetters.get(0).toString()));
        }
        return findings;
    }

    private Map<UUID, LocalDate> lastStoredDueDates() throws Exception {
        Map<UUID, LocalDate> due = new HashMap<>();
        try (Connection c = DriverManager.getConnection(services.commandDatabaseUrl, "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select aggregateidentifier, convert_from(payload, 'UTF8')"
                     + " from domainevententry where payloadtype like '%ActionRescheduled'"
                     + " order by aggregateidentifier, sequencenumber")) {
            while (r.next()) {
                due.put(UUID.fromString(r.getString(1)), LocalDate.parse(JSON.readTree(r.getString(2))
                        .get("dueOn").asText()));
            }
        }
        return due;
    }

    /** The read models' checksum, then a clean rebuild from the topic, then the checksum again. */
    private List<String> checksumAgainstRebuild() throws InterruptedException {
        Map<String, String> incremental = checksum();
        HttpJson.Response requested = operator.post("/api/admin/rebuild", Map.of());
        if (requested.status() != 202) {
            return List.of("rebuild refused: " + requested.status() + " " + abbreviate(requested.raw()));
        }
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        String state = "";
        while (System.nanoTime() < deadline && !"DONE".equals(state)) {
            Thread.sleep(100);
            state = operator.get("/api/admin/rebuild").body().path("state").asText();
        }
        if (!"DONE".equals(state)) {
            return List.of("rebuild not done within " + CATCH_UP + ": " + state);
        }
        Map<String, String> rebuilt = checksum();
        List<String> findings = new ArrayList<>();
        incremental.forEach((table, sum) -> {
            if (!sum.equals(rebuilt.get(table))) {
                findings.add("checksum of " + table + ": " + sum + ", after a clean rebuild " + rebuilt.get(table));
            }
        });
        return findings;
    }

    private Map<String, String> checksum() {
        Map<String, String> sums = new TreeMap<>();
        operator.get("/api/admin/checksum").body().fields()
                .forEachRemaining(e -> sums.put(e.getKey(), e.getValue().asText()));
        return sums;
    }

    // ------------------------------------------------------------------------------------------------- catching up

    /**
     * Waits until every event stored for these aggregates is applied on the read side (the projection's position
     * of each aggregate has reached the last stored sequence number): whatever is missing then is lost, not late.
     */
    private void awaitCaughtUp(List<Sent> all) throws Exception {
        Set<String> aggregates = new HashSet<>();
        aggregates.add(setId.toString());
        aggregates.add(programmeId.toString());
        actions.forEach(a -> aggregates.add(a.toString()));
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        String behind = "not checked";
        while (System.nanoTime() < deadline) {
            try {
                behind = behind(aggregates);
            } catch (SQLException e) {
                behind = e.toString();
            }
            if (behind == null) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("seed " + SEED + ": the read side did not catch up within " + CATCH_UP + ": "
                + behind + " (" + all.size() + " requests sent)");
    }

    private String behind(Set<String> aggregates) throws SQLException {
        Map<String, Long> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(services.commandDatabaseUrl, "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select aggregateidentifier, max(sequencenumber) from domainevententry"
                     + " group by aggregateidentifier")) {
            while (r.next()) {
                if (aggregates.contains(r.getString(1))) {
                    stored.put(r.getString(1), r.getLong(2));
                }
            }
        }
        Map<String, Long> applied = new HashMap<>();
        try (Connection c = DriverManager.getConnection(services.queryDatabaseUrl, "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select aggregate_id, last_sequence from aggregate_position")) {
            while (r.next()) {
                applied.put(r.getString(1), r.getLong(2));
            }
        }
        for (var entry : stored.entrySet()) {
            Long at = applied.get(entry.getKey());
            if (at == null || at < entry.getValue()) {
                return "aggregate " + entry.getKey() + " applied to " + at + " of " + entry.getValue();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static long acknowledgedEffects(List<Sent> all, Kind kind, Predicate<Sent> filter) {
        return all.stream().filter(s -> s.kind() == kind && s.acknowledged() && filter.test(s))
                .map(Sent::effect).distinct().count();
    }

    /** The distinct ids created by acknowledged requests of this kind (for one person, or all if null). */
    private static long distinctCreated(List<Sent> all, Kind kind, UUID person) {
        return all.stream().filter(s -> s.kind() == kind && s.acknowledged() && s.createdId() != null
                        && (person == null || person.equals(s.person())))
                .map(Sent::createdId).distinct().count();
    }

    private String meeting() {
        return "/api/sets/" + setId + "/meetings/" + meetingId;
    }

    private static UUID created(HttpJson.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.id(field);
    }

    static String abbreviate(String raw) {
        return raw == null ? "" : raw.length() > 300 ? raw.substring(0, 300) + "..." : raw;
    }
}
