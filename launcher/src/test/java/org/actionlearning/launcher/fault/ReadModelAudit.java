package org.actionlearning.launcher.fault;

import org.actionlearning.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.actionlearning.launcher.fault.CommandLoad.Command;
import org.actionlearning.launcher.fault.CommandLoad.Kind;
import org.actionlearning.launcher.fault.CommandLoad.Target;
import org.actionlearning.testsupport.HttpJson;

/**
 * What the read side holds, compared with what the command side stored and what the load was told: waits until
 * the pipeline has caught up, then checks that every acknowledged command has its effect exactly once, and that
 * the read models equal a clean rebuild from the topic.
 */
final class ReadModelAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FaultPlatform platform;

    ReadModelAudit(FaultPlatform platform) {
        this.platform = platform;
    }

    private HttpJson query() {
        // an operator of the platform who facilitates every set (the fault tests read fairness everywhere)
        return new HttpJson(platform.queryUrl()).withToken(TestTokens.token("auditor", null, "ADMIN:*"));
    }

    // ---------------------------------------------------------------------------------------------- catching up

    /**
     * Waits until the relay has published every stored event, every aggregate's last stored event is applied on
     * the read side, and the projection's stored offsets are at the end of every partition.
     */
    Duration awaitCaughtUp(Duration timeout) {
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        String state = "not checked yet";
        while (System.nanoTime() < deadline) {
            try {
                state = lagDescription();
                if (state == null) {
                    return Duration.ofNanos(System.nanoTime() - begin);
                }
            } catch (Exception e) {
                state = e.toString();
            }
            FaultPlatform.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("the pipeline did not catch up within " + timeout + ": " + state
                + "\nquery service process alive: " + platform.queryService.isRunning()
                + ", its health: " + health()
                + "\n--- query service log (tail) ---\n" + platform.queryService.logTail());
    }

    private String health() {
        try {
            HttpJson.Response response = query().get("/actuator/health/readiness");
            return response.status() + " " + response.raw();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /** null when caught up, else what still lags. */
    private String lagDescription() throws Exception {
        double relayLag = platform.relayLag();
        if (relayLag != 0) {
            return "relay lag " + relayLag;
        }
        Map<String, Long> stored = new HashMap<>();
        try (Connection c = platform.commandDb.connect(FaultPlatform.COMMAND_DATABASE);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select aggregateidentifier, max(sequencenumber) from domainevententry"
                     + " group by aggregateidentifier")) {
            while (r.next()) {
                stored.put(r.getString(1), r.getLong(2));
            }
        }
        Map<String, Long> applied = new HashMap<>();
        Map<Integer, Long> consumed = new HashMap<>();
        try (Connection c = platform.readDb.connect(FaultPlatform.QUERY_DATABASE); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select aggregate_id, last_sequence from aggregate_position")) {
                while (r.next()) {
                    applied.put(r.getString(1), r.getLong(2));
                }
            }
            try (ResultSet r = s.executeQuery("select partition, next_offset from consumer_offset where topic = '"
                    + FaultPlatform.TOPIC + "' and group_id = '" + FaultPlatform.GROUP + "'")) {
                while (r.next()) {
                    consumed.put(r.getInt(1), r.getLong(2));
                }
            }
        }
        if (!stored.equals(applied)) {
            long behind = stored.entrySet().stream()
                    .filter(e -> !Objects.equals(applied.get(e.getKey()), e.getValue())).count();
            return behind + " of " + stored.size() + " aggregates not fully applied on the read side";
        }
        Map<Integer, Long> end = platform.endOffsets();
        for (var partition : end.entrySet()) {
            long next = consumed.getOrDefault(partition.getKey(), 0L);
            // the offsets past the last consumed record may hold only transaction markers
            if (next < partition.getValue() && platform.hasCommittedRecordsFrom(partition.getKey(), next)) {
                return "partition " + partition.getKey() + " consumed to " + next + " of " + partition.getValue();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- exactly once

    /** What one audit found; every count except the first four must be zero. */
    record Findings(int acknowledged, int stored, int projected, int participationRows,
                    int lostAcknowledged, int lostStored, int storedWithout2xx, int phantoms,
                    int duplicateEffects, int missingEffects, int deadLetters, List<String> problems) {

        int lost() {
            return lostAcknowledged + lostStored + missingEffects;
        }

        boolean clean() {
            return problems.isEmpty();
        }
    }

    private record Contribution(UUID id, String kind, UUID meetingId, UUID personId, String detail) {
    }

    /**
     * Every command acknowledged so far (with a 2xx, at once or on a retry with its key) against the event store
     * and the read models: each acknowledged contribution and cost is stored and projected exactly once, nothing
     * is stored or projected that no 2xx stands for, and the per-member counts equal the contribution rows (a
     * doubled event would count twice on top of one row).
     */
    Findings exactlyOnce(List<Command> commands, List<Target> targetsToCheckViaApi) throws Exception {
        Set<UUID> acknowledged = new HashSet<>();
        for (Command command : commands) {
            if (command.acknowledged()) {
                acknowledged.add(command.createdId);
            }
        }

        // the command side: what the event store holds
        Map<UUID, Contribution> stored = new HashMap<>();
        Map<UUID, BigDecimal> storedCosts = new HashMap<>();
        Map<UUID, UUID> costProgramme = new HashMap<>();
        try (Connection c = platform.commandDb.connect(FaultPlatform.COMMAND_DATABASE);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select payloadtype, convert_from(payload, 'UTF8') from domainevententry"
                     + " where payloadtype like '%QuestionAsked' or payloadtype like '%StatementMade'"
                     + " or payloadtype like '%ProgrammeCostRecorded'")) {
            while (r.next()) {
                String type = r.getString(1);
                JsonNode event = JSON.readTree(r.getString(2));
                if (type.endsWith("ProgrammeCostRecorded")) {
                    UUID costId = uuid(event, "costId");
                    storedCosts.put(costId, event.get("amount").decimalValue());
                    costProgramme.put(costId, uuid(event, "programmeId"));
                } else if (type.endsWith("QuestionAsked")) {
                    stored.put(uuid(event, "contributionId"), new Contribution(uuid(event, "contributionId"),
                            "QUESTION", uuid(event, "meetingId"), uuid(event, "askerId"), event.get("form").asText()));
                } else {
                    stored.put(uuid(event, "contributionId"), new Contribution(uuid(event, "contributionId"),
                            "STATEMENT", uuid(event, "meetingId"), uuid(event, "speakerId"), event.get("kind").asText()));
                }
            }
        }

        // the read side
        Map<UUID, Integer> projectedRows = new HashMap<>();
        Map<UUID, Contribution> projected = new HashMap<>();
        Map<UUID, BigDecimal> projectedCosts = new HashMap<>();
        Map<String, int[]> participation = new TreeMap<>();
        Map<String, Integer> presented = new HashMap<>();
        int deadLetters;
        try (Connection c = platform.readDb.connect(FaultPlatform.QUERY_DATABASE); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select contribution_id, kind, meeting_id, person_id,"
                    + " coalesce(question_form, statement_kind) from contribution")) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    projectedRows.merge(id, 1, Integer::sum);
                    projected.put(id, new Contribution(id, r.getString(2), r.getObject(3, UUID.class),
                            r.getObject(4, UUID.class), r.getString(5)));
                }
            }
            try (ResultSet r = s.executeQuery("select cost_id, amount from programme_cost")) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    projectedRows.merge(id, 1, Integer::sum);
                    projectedCosts.put(id, r.getBigDecimal(2));
                }
            }
            try (ResultSet r = s.executeQuery("select meeting_id, person_id, questions, open_questions, statements,"
                    + " advice, presented from member_participation")) {
                while (r.next()) {
                    participation.put(r.getString(1) + "/" + r.getString(2), new int[] {r.getInt(3), r.getInt(4),
                            r.getInt(5), r.getInt(6), r.getInt(7)});
                }
            }
            try (ResultSet r = s.executeQuery("select meeting_id, presenter_id, count(*) from challenge"
                    + " group by meeting_id, presenter_id")) {
                while (r.next()) {
                    presented.put(r.getString(1) + "/" + r.getString(2), r.getInt(3));
                }
            }
            try (ResultSet r = s.executeQuery("select count(*) from dead_letter")) {
                r.next();
                deadLetters = r.getInt(1);
            }
        }

        List<String> problems = new ArrayList<>();
        Set<UUID> storedIds = new HashSet<>(stored.keySet());
        storedIds.addAll(storedCosts.keySet());
        Set<UUID> projectedIds = new HashSet<>(projected.keySet());
        projectedIds.addAll(projectedCosts.keySet());

        Set<UUID> lostAcknowledged = minus(acknowledged, projectedIds);
        Set<UUID> lostStored = minus(storedIds, projectedIds);
        Set<UUID> storedWithout2xx = minus(storedIds, acknowledged);
        Set<UUID> phantoms = minus(projectedIds, storedIds);
        report(problems, "acknowledged but not in the read models", lostAcknowledged);
        report(problems, "stored but not in the read models", lostStored);
        report(problems, "stored although no command for it got a 2xx", storedWithout2xx);
        report(problems, "in the read models but never stored", phantoms);
        report(problems, "acknowledged but not stored", minus(acknowledged, storedIds));

        int duplicateRows = 0;
        for (var rows : projectedRows.entrySet()) {
            if (rows.getValue() > 1) {
                duplicateRows += rows.getValue() - 1;
            }
        }
        for (var entry : stored.entrySet()) {
            Contribution read = projected.get(entry.getKey());
            if (read != null && !read.equals(entry.getValue())) {
                problems.add("contribution " + entry.getKey() + " reads " + read + " but was stored as " + entry.getValue());
            }
        }
        for (var entry : storedCosts.entrySet()) {
            BigDecimal read = projectedCosts.get(entry.getKey());
            if (read != null && read.compareTo(entry.getValue()) != 0) {
                problems.add("cost " + entry.getKey() + " reads " + read + " but was stored as " + entry.getValue());
            }
        }

        // each member's counts in each meeting, from the rows: an event applied twice shows as a surplus
        Map<String, int[]> fromRows = new HashMap<>();
        for (Contribution row : projected.values()) {
            int[] counts = fromRows.computeIfAbsent(row.meetingId() + "/" + row.personId(), k -> new int[5]);
            if (row.kind().equals("QUESTION")) {
                counts[0]++;
                if ("OPEN".equals(row.detail())) {
                    counts[1]++;
                }
            } else {
                counts[2]++;
                if ("ADVICE".equals(row.detail())) {
                    counts[3]++;
                }
            }
        }
        presented.forEach((key, n) -> fromRows.computeIfAbsent(key, k -> new int[5])[4] += n);
        int surplus = duplicateRows;
        int shortfall = 0;
        Set<String> keys = new HashSet<>(fromRows.keySet());
        keys.addAll(participation.keySet());
        for (String key : keys) {
            int[] expected = fromRows.getOrDefault(key, new int[5]);
            int[] actual = participation.getOrDefault(key, new int[5]);
            for (int i = 0; i < 5; i++) {
                if (actual[i] > expected[i]) {
                    surplus += actual[i] - expected[i];
                } else {
                    shortfall += expected[i] - actual[i];
                }
            }
        }
        if (surplus > 0) {
            problems.add(surplus + " doubled effects (member counts above their contribution rows, or duplicate rows)");
        }
        if (shortfall > 0) {
            problems.add(shortfall + " missing effects (member counts below their contribution rows)");
        }
        if (deadLetters > 0) {
            problems.add(deadLetters + " dead letters");
        }

        // and what the query API answers: per member question counts, programme cost totals
        HttpJson query = query();
        for (Target target : targetsToCheckViaApi) {
            Map<UUID, Integer> questionsByMember = new HashMap<>();
            stored.values().stream().filter(c -> c.meetingId().equals(target.meetingId()) && c.kind().equals("QUESTION"))
                    .forEach(c -> questionsByMember.merge(c.personId(), 1, Integer::sum));
            JsonNode meeting = null;
            HttpJson facilitator = query.withToken(TestTokens.token("auditor", null, "FACILITATOR:" + target.setId()));
            for (JsonNode m : facilitator.get("/api/sets/" + target.setId() + "/fairness").body().path("meetings")) {
                if (m.path("meetingId").asText().equals(target.meetingId().toString())) {
                    meeting = m;
                }
            }
            if (meeting == null) {
                problems.add("fairness API has no meeting " + target.meetingId());
                continue;
            }
            for (JsonNode member : meeting.path("members")) {
                UUID person = UUID.fromString(member.path("personId").asText());
                int expected = questionsByMember.getOrDefault(person, 0);
                if (member.path("questions").asInt() != expected) {
                    problems.add("fairness API: member " + person + " asked " + member.path("questions").asInt()
                            + " questions in meeting " + target.meetingId() + ", the store holds " + expected);
                }
            }
            BigDecimal storedTotal = storedCosts.entrySet().stream()
                    .filter(e -> costProgramme.get(e.getKey()).equals(target.programmeId()))
                    .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            double apiTotal = query.get("/api/programmes/" + target.programmeId() + "/roi").body()
                    .path("costs").path("total").asDouble();
            if (Math.abs(apiTotal - storedTotal.doubleValue()) > 1e-6) {
                problems.add("ROI API: costs of " + target.programmeId() + " total " + apiTotal + ", stored "
                        + storedTotal);
            }
        }

        return new Findings(acknowledged.size(), storedIds.size(), projectedIds.size(), participation.size(),
                lostAcknowledged.size(), lostStored.size(), storedWithout2xx.size(), phantoms.size(),
                surplus, shortfall, deadLetters, problems);
    }

    // ---------------------------------------------------------------------------------------------- rebuild

    /** The checksum before and after a clean rebuild from offset 0, and how long the rebuild took. */
    record ChecksumComparison(Map<String, String> incremental, Map<String, String> rebuilt, Duration rebuild,
                              long recordsReplayed) {
        boolean equal() {
            return incremental.equals(rebuilt);
        }

        List<String> differingTables() {
            List<String> tables = new ArrayList<>();
            incremental.forEach((table, sum) -> {
                if (!sum.equals(rebuilt.get(table))) {
                    tables.add(table + " (" + sum + " vs rebuilt " + rebuilt.get(table) + ")");
                }
            });
            return tables;
        }
    }

    ChecksumComparison checksumAgainstRebuild(Duration timeout) throws IOException {
        HttpJson query = query();
        Map<String, String> incremental = checksum(query);
        Instant requested = Instant.now();
        HttpJson.Response answer = query.post("/api/admin/rebuild", Map.of());
        if (answer.status() != 202) {
            throw new AssertionError("rebuild not accepted: " + answer.status() + " " + answer.raw());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            status = query.get("/api/admin/rebuild").body();
            if ("DONE".equals(status.path("state").asText())) {
                break;
            }
            FaultPlatform.sleep(Duration.ofMillis(100));
        }
        if (status == null || !"DONE".equals(status.path("state").asText())) {
            throw new AssertionError("rebuild not done within " + timeout + ": " + status);
        }
        Map<String, String> rebuilt = checksum(query);
        return new ChecksumComparison(incremental, rebuilt, Duration.between(requested, Instant.now()),
                status.path("recordsReplayed").asLong());
    }

    private static Map<String, String> checksum(HttpJson query) {
        HttpJson.Response response = query.get("/api/admin/checksum");
        if (response.status() != 200) {
            throw new AssertionError("checksum: " + response.status() + " " + response.raw());
        }
        Map<String, String> sums = new TreeMap<>();
        response.body().fields().forEachRemaining(e -> sums.put(e.getKey(), e.getValue().asText()));
        return sums;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static UUID uuid(JsonNode event, String field) {
        return UUID.fromString(event.get(field).asText());
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> difference = new HashSet<>(a);
        difference.removeAll(b);
        return difference;
    }

    private static void report(List<String> problems, String what, Set<UUID> ids) {
        if (!ids.isEmpty()) {
            problems.add(ids.size() + " " + what + ", e.g. " + ids.stream().limit(3).toList());
        }
    }
}
