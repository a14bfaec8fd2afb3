package org.actionlearning.launcher.fault;

import org.actionlearning.testsupport.TestIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.actionlearning.launcher.fault.CommandLoad.Command;
import org.actionlearning.launcher.fault.CommandLoad.Outcome;
import org.actionlearning.launcher.fault.CommandLoad.Target;
import org.actionlearning.launcher.fault.ReadModelAudit.ChecksumComparison;
import org.actionlearning.launcher.fault.ReadModelAudit.Findings;
import org.actionlearning.launcher.fault.RestartablePostgres.Stop;
import org.actionlearning.testsupport.HttpJson;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * "No lost or doubled effect" (docs/reliability.md) under faults. While background threads send real HTTP
 * commands (questions and statements into an open meeting of each of two sets, costs into their programmes),
 * one part of the platform fails and comes back:
 * <ol>
 *   <li>the Kafka broker stops and starts again on the same data directory;</li>
 *   <li>the query service, in its own JVM, is killed (SIGKILL) while a projection batch is open, and started
 *       again;</li>
 *   <li>the read-side PostgreSQL stops (fast shutdown, immediate shutdown needing crash recovery, SIGKILL) and
 *       starts again, for up to 8 s, longer than the query service waits for a connection;</li>
 *   <li>the relay restarts: its tracking processor inside the running command service, the whole command
 *       service, or the processor from a token set back behind what Kafka already has (as a crash between
 *       Kafka's acknowledgement and the token commit leaves it), so that events reach the topic twice;</li>
 *   <li>a command's transaction holds its global position open, within and past the relay's gap settings;</li>
 *   <li>the relay producer's batch expires while the broker is away longer than its delivery timeout;</li>
 *   <li>a query instance loses its partitions without knowing (stopped, removed from the group) and writes its
 *       stale poll when it goes on.</li>
 * </ol>
 * The first four faults three times each, at different (seeded, random) moments and for different lengths. After each, once the
 * pipeline has caught up: every command that got a 2xx has its effect in the read models exactly once, nothing
 * is there without a 2xx (an answer lost in the fault is retried with its Idempotency-Key, as a client would),
 * and the checksum of every read-model table equals the one after a clean rebuild from the topic.
 *
 * <p>Prints a table of the figures at the end. {@code -Dals.fault.seed=...} replays other timings;
 * {@code -Dals.fault.query-service=classpath} runs the query service from this test's classpath instead of its
 * executable jar; {@code -Dals.fault.evict=false} lets a killed consumer's session time out instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

    private static final int REPETITIONS = 3;
    private static final int MEMBERS = 8;
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    private static final long SEED = Long.getLong("als.fault.seed", 20_261_127L);
    /**
     * After a kill, remove the dead member from the consumer group at once, as an orchestrator replacing the
     * instance would; without it the restarted service gets no partitions until the dead member's session
     * times out (the Kafka client's default 45 s, not configurable in the service).
     */
    private static final boolean EVICT_DEAD_CONSUMER = !"false".equals(System.getProperty("als.fault.evict"));

    @TempDir
    static Path root;

    private FaultPlatform platform;
    private ReadModelAudit audit;
    private CommandLoad load;
    private final ReliabilityReport report = new ReliabilityReport();
    private final List<Command> allCommands = new ArrayList<>();
    private final List<SetUnderLoad> sets = new ArrayList<>();
    private int meetingsOpened;
    /** Where the running round's load goes. */
    private List<Target> currentTargets = List.of();
    /** The meetings the last round opened: closed before the next round opens its own (one open per set). */
    private List<Target> lastRoundMeetings = List.of();

    private record SetUnderLoad(UUID programmeId, UUID setId, List<UUID> members) {
    }

    /** One way of breaking something; returns what it did, for the report. */
    @FunctionalInterface
    private interface Fault {
        String inject(int repetition, Random random) throws Exception;
    }

    @BeforeAll
    void startThePlatform() throws Exception {
        System.out.println("[faults] seed " + SEED + ", query service from "
                + (QueryServiceProcess.executableJar() != null ? QueryServiceProcess.executableJar() : "the test classpath"));
        platform = new FaultPlatform(root);
        platform.start();
        audit = new ReadModelAudit(platform);
        load = new CommandLoad(platform.commandUrl());
        HttpJson commands = new HttpJson(platform.commandUrl()).as(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);
        for (String currency : List.of("GBP", "EUR")) {
            UUID programmeId = created(commands.post("/api/programmes", Map.of("organisation", "Faults Ltd",
                    "name", "Resilience " + currency, "sponsor", "CTO", "startsOn", "2026-01-05",
                    "currency", currency)), "programmeId");
            UUID setId = created(commands.post("/api/sets", Map.of("programmeId", programmeId, "name",
                    "Set " + currency, "facilitatorName", "Fran")), "setId");
            List<UUID> members = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                members.add(created(commands.post("/api/sets/" + setId + "/members",
                        Map.of("displayName", "Member " + currency + " " + i)), "personId"));
            }
            sets.add(new SetUnderLoad(programmeId, setId, members));
        }
        audit.awaitCaughtUp(CATCH_UP);
    }

    private record TopicStatistics(long records, long duplicates) {
    }

    /** Reads the whole topic: its records, and how many of them repeat an event already on it. */
    private TopicStatistics topicStatistics() throws Exception {
        List<String> records = platform.committedEventIds();
        long distinct = records.stream().distinct().count();
        return new TopicStatistics(records.size(), records.size() - distinct);
    }

    @AfterAll
    void stopThePlatform() {
        try {
            if (platform != null && platform.kafka.isRunning()) {
                TopicStatistics topic = topicStatistics();
                report.topic(topic.records(), topic.duplicates());
            }
        } catch (Exception e) {
            System.out.println("[faults] could not read the topic: " + e);
        } finally {
            System.out.println(report.render());
            if (platform != null) {
                platform.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- faults

    @Test
    @Order(1)
    void kafkaBrokerStopsAndComesBack() throws Exception {
        int[] downMillis = {1_500, 4_000, 8_000};
        repeat("(a) Kafka broker restart", 1, (repetition, random) -> {
            long down = downMillis[repetition] + random.nextInt(1_000);
            long begin = System.nanoTime();
            platform.kafka.stop();
            long stopping = millisSince(begin);
            pause(down);
            platform.kafka.start();
            return "broker stopped (" + stopping + " ms), down " + down + " ms, restarted";
        });
    }

    @Test
    @Order(2)
    void queryServiceIsKilledInTheMiddleOfABatchAndRestarts() throws Exception {
        repeat("(b) query service SIGKILL", 2, (repetition, random) -> {
            boolean midBatch = awaitOpenProjectionTransaction(Duration.ofSeconds(3));
            platform.queryService.kill();
            if (EVICT_DEAD_CONSUMER) {
                platform.evictDeadConsumerGroupMembers();
            }
            long down = random.nextInt(1_500);
            pause(down);
            Duration startup = platform.queryService.start();
            return "killed " + (midBatch ? "with a batch transaction open" : "(no open transaction seen)")
                    + ", restarted after " + down + " ms + " + startup.toMillis() + " ms startup";
        });
    }

    /**
     * The second and third outages outlast the query service's wait for a pooled connection (3 s here, see
     * {@link FaultPlatform}), so projection fails outright and must resume by itself. (Found a bug: the
     * projection thread died on such a failure while readiness stayed UP; fixed in ProjectionConsumer.)
     */
    @Test
    @Order(3)
    void readSidePostgresRestarts() throws Exception {
        Stop[] how = {Stop.FAST, Stop.IMMEDIATE, Stop.KILL};
        int[] downMillis = {1_000, 4_000, 7_000};
        repeat("(c) read-side PostgreSQL restart", 3, (repetition, random) -> {
            long down = downMillis[repetition] + random.nextInt(1_000);
            platform.readDb.stop(how[repetition]);
            pause(down);
            platform.readDb.start();
            return "stopped " + how[repetition].name().toLowerCase() + ", down " + down + " ms";
        });
    }

    @Test
    @Order(4)
    void relayRestarts() throws Exception {
        repeat("(d) relay restart", 4, (repetition, random) -> {
            long down = 1_000 + random.nextInt(2_000);
            if (repetition == 1) {
                long begin = System.nanoTime();
                platform.stopCommandService();
                long stopping = millisSince(begin);
                pause(down);
                begin = System.nanoTime();
                platform.startCommandService();
                return "command service (API + relay) closed (" + stopping + " ms), down " + down
                        + " ms, started (" + millisSince(begin) + " ms)";
            }
            TrackingEventProcessor relay = platform.relay();
            if (repetition == 2) {
                // what a crash after Kafka acknowledged a batch and before its token was committed leaves
                // behind, made larger: the stored token behind what is already on the topic
                int back = 100 + random.nextInt(200);
                relay.shutDown();
                long from = platform.setRelayTokenBack(back);
                relay.start();
                return "relay shut down, its token set back " + back + " events (to " + from
                        + ": published again), restarted";
            }
            relay.shutDown();
            pause(down);
            relay.start();
            return "relay processor shut down for " + down + " ms while commands were acknowledged";
        });
        assertThat(topicStatistics().duplicates()).as("events published twice by the relay").isPositive();
    }

    /**
     * The relay reset through Axon ({@code resetTokens}) to republish the last second of events, as an operator
     * would to replay the topic: the relay skips what it already published (its per-aggregate positions); then the
     * whole store re-published through the admin path, which the read side applies once. (Found a bug: the
     * token store read tokens with the strict event mapper, which cannot read Axon's ReplayToken back, so a reset
     * shut the relay down for good; fixed in EventStoreConfiguration.)
     */
    @Test
    @Order(5)
    void relayResetThroughAxonRepublishesAndTheReadSideSkipsTheRepeats() throws Exception {
        round("(d') relay reset via resetTokens", 0, new Random(SEED), 300, 1_000, (repetition, random) -> {
            TrackingEventProcessor relay = platform.relay();
            Instant resumeFrom = Instant.now().minusMillis(1_000);
            relay.shutDown();
            relay.resetTokens(source -> source.createTokenAt(resumeFrom));
            relay.start();
            // an operator re-publishes through a running relay: wait for its worker, as a restart in the middle of
            // Axon's own start can leave the processor without one (a known limit, docs/pipeline.md)
            awaitWorker(relay);
            // the relay's per-aggregate positions skip what it already published: to publish it again, an
            // operator re-publishes (token and positions reset together), which the read side applies once
            long events = platform.republish();
            return "relay reset to 1000 ms ago through TrackingEventProcessor.resetTokens (already published: "
                    + "skipped), then the whole store of " + events + " events re-published";
        });
    }

    private static void awaitWorker(TrackingEventProcessor relay) throws InterruptedException {
        for (int i = 0; i < 300 && relay.activeProcessorThreads() == 0; i++) {
            Thread.sleep(100);
        }
    }

    /**
     * A command's transaction held open with its global position taken, while the load goes on: the test inserts, in
     * a transaction of its own, the next event of the first set's aggregate and holds it; the service's next append to
     * that aggregate takes its global position and waits on the unique key, while the other set's events commit
     * positions after it (a gap in the relay's token). Then the held row is rolled back and the service's append goes
     * on. Held 1 s, or until a later position is visible (within the append commit deadline, 3 s here): the append
     * commits late, behind later positions already published, and must be published all the same. Held 7 s (past the relay's gap timeout, 6 s here, after
     * which the relay gives the position up): the commit must be refused and the caller told (a 5xx, so its retry with
     * the same key records it afresh), never committed into a position the relay has given up.
     */
    @Test
    @Order(6)
    void longTransactionHoldsAPositionPastTheGapSettings() throws Exception {
        long[] holdMillis = {1_000, FaultPlatform.GAP_TIMEOUT.toMillis() + 1_000};
        for (int repetition = 0; repetition < holdMillis.length; repetition++) {
            long hold = holdMillis[repetition];
            boolean withinDeadline = hold < FaultPlatform.APPEND_COMMIT_DEADLINE.toMillis();
            HeldPosition[] held = new HeldPosition[1];
            round("(e) long transaction", repetition, new Random(SEED * 100 + 60 + repetition), 300, 1_000,
                    (r, random) -> {
                        held[0] = holdNextPosition(currentTargets.get(0).setId().toString(), hold);
                        return "event " + held[0].sequence() + " of a set held " + held[0].heldMillis()
                                + " ms in an open transaction, " + held[0].blockedAppends()
                                + " service append(s) waiting behind it with their positions taken";
                    },
                    commands -> {
                        assertThat(held[0].blockedAppends()).as("service appends that waited with a position taken")
                                .isPositive();
                        UUID setId = currentTargets.get(0).setId();
                        List<Command> ofTheSet = commands.stream()
                                .filter(c -> c.target.setId().equals(setId) && c.kind != CommandLoad.Kind.COST)
                                .toList();
                        long told = ofTheSet.stream().filter(c -> c.firstStatus >= 500).count();
                        long globalIndex = globalIndexOf(setId.toString(), held[0].sequence());
                        System.out.println("[faults] (e) held " + held[0] + ": the event at that sequence is at "
                                + "global position " + globalIndex + "; " + told + " command(s) of the set answered 5xx");
                        if (withinDeadline) {
                            // committed after later positions were visible: the relay had to wait for the gap
                            assertThat(globalIndex).as("the late append's position, below positions visible before "
                                    + "it committed").isLessThan(held[0].newestVisibleAtRelease());
                        } else {
                            assertThat(told).as("commands refused with a 5xx (the caller told)").isPositive();
                            assertThat(ofTheSet.stream().filter(c -> c.firstStatus >= 500)
                                    .allMatch(c -> c.outcome == Outcome.ACKNOWLEDGED_ON_RETRY))
                                    .as("each refused command recorded by its retry").isTrue();
                        }
                    });
        }
    }

    /** What {@link #holdNextPosition} did. */
    private record HeldPosition(long sequence, int blockedAppends, long heldMillis, long newestVisibleAtRelease) {
    }

    /**
     * Inserts the aggregate's next event in a transaction of its own (a copy of its last one) and holds it for
     * {@code holdMillis}, then rolls it back: the service's append of that sequence number waits on the unique key
     * meanwhile, its own global position already taken.
     */
    private HeldPosition holdNextPosition(String aggregateId, long holdMillis) throws Exception {
        try (Connection holder = platform.commandDb.connect(FaultPlatform.COMMAND_DATABASE);
             Connection watch = platform.commandDb.connect(FaultPlatform.COMMAND_DATABASE);
             Statement watching = watch.createStatement()) {
            holder.setAutoCommit(false);
            int holderPid;
            try (Statement s = holder.createStatement(); ResultSet r = s.executeQuery("select pg_backend_pid()")) {
                r.next();
                holderPid = r.getInt(1);
            }
            long sequence = -1;
            long heldSince = 0;
            for (int attempt = 0; attempt < 50 && sequence < 0; attempt++) {
                try (Statement s = holder.createStatement()) {
                    s.execute("set local statement_timeout = 2000");
                }
                try (var insert = holder.prepareStatement("insert into domainevententry (aggregateidentifier,"
                        + " sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype,"
                        + " timestamp) select aggregateidentifier, sequencenumber + 1, type, ?, metadata, payload,"
                        + " payloadrevision, payloadtype, timestamp from domainevententry where aggregateidentifier = ?"
                        + " order by sequencenumber desc limit 1 returning sequencenumber")) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, aggregateId);
                    try (ResultSet r = insert.executeQuery()) {
                        if (!r.next()) {
                            throw new IllegalStateException("no events of aggregate " + aggregateId);
                        }
                        sequence = r.getLong(1);
                        heldSince = System.nanoTime();
                    }
                } catch (java.sql.SQLException e) {
                    // the load stored that sequence number meanwhile (or was about to): the next one
                    holder.rollback();
                    if (!"23505".equals(e.getSQLState()) && !"57014".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
            if (sequence < 0) {
                throw new IllegalStateException("could not take the next sequence number of " + aggregateId);
            }
            // hold for holdMillis, and (within the commit deadline) until a position taken after the blocked append's
            // is visible, so that the append commits behind it: a gap the relay must wait for
            long lastTaken = -1;
            long newestVisible = -1;
            int blocked = 0;
            long longest = Math.max(holdMillis, FaultPlatform.APPEND_COMMIT_DEADLINE.toMillis() - 1_000);
            while (millisSince(heldSince) < holdMillis
                    || (newestVisible <= lastTaken && millisSince(heldSince) < longest)) {
                try (ResultSet r = watching.executeQuery("select count(*) from pg_stat_activity where " + holderPid
                        + " = any(pg_blocking_pids(pid))")) {
                    r.next();
                    if (r.getInt(1) > blocked) {
                        blocked = r.getInt(1);
                        try (Statement s = watch.createStatement();
                             ResultSet last = s.executeQuery("select last_value from domainevententry_globalindex_seq")) {
                            last.next();
                            lastTaken = last.getLong(1); // at or after the blocked append's position
                        }
                    }
                }
                try (ResultSet r = watching.executeQuery("select max(globalindex) from domainevententry")) {
                    r.next();
                    newestVisible = r.getLong(1);
                }
                pause(50);
            }
            long held = millisSince(heldSince);
            holder.rollback();
            return new HeldPosition(sequence, blocked, held, newestVisible);
        }
    }

    private long globalIndexOf(String aggregateId, long sequence) throws Exception {
        try (Connection c = platform.commandDb.connect(FaultPlatform.COMMAND_DATABASE);
             var read = c.prepareStatement("select globalindex from domainevententry where aggregateidentifier = ?"
                     + " and sequencenumber = ?")) {
            read.setString(1, aggregateId);
            read.setLong(2, sequence);
            try (ResultSet r = read.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        }
    }

    /**
     * The broker away for longer than the relay producer's delivery timeout (3 s here, a property of the relay) while
     * the load goes on: the batch in flight fails (its records expire if they were not acknowledged yet, else its
     * commit times out: {@link RelayBatchExpiries}), its Kafka transaction is aborted and the relay retries it with a
     * new producer once the broker is back.
     * Afterwards every aggregate's events come first on the topic in their order (a repeat is allowed, a later event
     * before an earlier one is not), and the read models equal a rebuild.
     */
    @Test
    @Order(7)
    void relayBatchesExpireWhileTheBrokerIsAway() throws Exception {
        long delivery = FaultPlatform.DELIVERY_TIMEOUT.toMillis();
        long[] downMillis = {delivery + 2_000, delivery + 5_000};
        for (int repetition = 0; repetition < downMillis.length; repetition++) {
            long down = downMillis[repetition];
            try (RelayBatchExpiries expiries = RelayBatchExpiries.watch()) {
                round("(f) relay batch expiry", repetition, new Random(SEED * 100 + 70 + repetition), 300, 1_500,
                        (r, random) -> {
                            platform.kafka.stop();
                            pause(down);
                            platform.kafka.start();
                            return "broker away " + down + " ms, delivery timeout " + delivery + " ms";
                        },
                        commands -> {
                            System.out.println("[faults] (f) relay batches not committed: " + expiries.failures()
                                    + ", of them expired: " + expiries.expiries());
                            assertThat(expiries.failures()).as("relay batches aborted").isPositive();
                            assertThat(platform.aggregatesOutOfOrder()).as("aggregates out of order on the topic")
                                    .isEmpty();
                        });
            }
        }
    }

    /**
     * A query-side instance loses its partitions without knowing. A second instance joins the group; then, twice (for
     * the busy partition of each programme), the instance that owns it is stopped (SIGSTOP: every thread, as in a long
     * garbage-collection pause, with whatever poll it had in flight) and removed from the group (the test removes it
     * at once, as the end of its session would after 45 s); the other instance takes every partition and projects the
     * busy one on; then the stopped one goes on (SIGCONT) and writes what it had polled before it learns that it lost
     * the partition. The offset fence must refuse that stale poll (or, when the stopped instance held the partition's
     * row in an open transaction, make the new owner wait and resync): no event applied twice, the read models equal
     * to a rebuild. The second instance is stopped before the audit (a rebuild needs every partition at one instance).
     * One repetition, two stalls: each repetition would start another JVM.
     */
    @Test
    @Order(8)
    void involuntaryRebalanceFencesTheStalePoll() throws Exception {
        long[] fenced = new long[1];
        platform.ensureRunning();
        Map<String, java.util.Set<Integer>> alone = awaitAssignment(m -> m.size() == 1);
        Member first = new Member(alone.keySet().iterator().next(), platform.queryService);
        // the second JVM starts while the round sets up (its start is most of this round's time)
        long launched = System.nanoTime();
        platform.secondQueryService.launch();
        round("(g) involuntary rebalance", 0, new Random(SEED * 100 + 80), 300, 1_000, (r, random) -> {
            long fencedBefore = fencedPolls();
            platform.secondQueryService.awaitReady();
            StringBuilder what = new StringBuilder("second instance joined (started in " + millisSince(launched)
                    + " ms)");
            Member known = first;
            for (Target target : currentTargets) {
                Stall stall = stallTheOwnerOf(FaultPlatform.partitionOf(target.programmeId()), known);
                what.append("; ").append(stall.what());
                known = stall.stayed();
            }
            platform.secondQueryService.stop();
            awaitAssignment(m -> m.size() == 1 && m.values().iterator().next().size() == FaultPlatform.PARTITIONS);
            fenced[0] = fencedPolls() - fencedBefore;
            return what + "; polls fenced: " + fenced[0] + "; second instance stopped";
        }, commands -> assertThat(fenced[0]).as("polls refused by the offset fence").isPositive());
    }

    /**
     * Stops the member owning {@code busy} (SIGSTOP), removes it from the group, waits until the other member has
     * projected the partition on, and lets the stopped one go on; answers what happened.
     */
    private Stall stallTheOwnerOf(int busy, Member known) throws Exception {
        Map<String, java.util.Set<Integer>> both = awaitAssignment(m -> m.size() == 2
                && m.values().stream().mapToInt(java.util.Set::size).sum() == FaultPlatform.PARTITIONS);
        String owner = both.entrySet().stream().filter(e -> e.getValue().contains(busy)).findFirst().orElseThrow()
                .getKey();
        QueryServiceProcess stalled = owner.equals(known.memberId()) ? known.process() : other(known.process());
        boolean first = stalled == platform.queryService;
        String stayed;
        long storedBefore = platform.storedNextOffset(busy);
        // the owner's writer stuck on a row lock: the test locks the partition's offset row until a transaction of the
        // owner waits for it, then stops the owner and lets the lock go; the owner's transaction takes the row and sits
        // there, stopped, while the new owner's poll of the partition must wait for it
        int writer;
        long pausedAt;
        try (Connection lock = platform.readDb.connect(FaultPlatform.QUERY_DATABASE)) {
            lock.setAutoCommit(false);
            int lockPid;
            try (Statement s = lock.createStatement(); ResultSet r = s.executeQuery("select pg_backend_pid()")) {
                r.next();
                lockPid = r.getInt(1);
            }
            try (Statement s = lock.createStatement()) {
                s.executeQuery("select next_offset from consumer_offset where group_id = '" + FaultPlatform.GROUP
                        + "' and topic = '" + FaultPlatform.TOPIC + "' and partition = " + busy + " for update").close();
            }
            writer = awaitBlockedBy(lockPid, Duration.ofSeconds(5));
            stalled.pause();
            pausedAt = System.nanoTime();
            lock.commit();
        }
        boolean movedOn;
        boolean newOwnerWaited = false;
        try {
            platform.evictDeadConsumerGroupMembers();
            stayed = awaitAssignment(m -> m.size() == 1
                    && m.values().iterator().next().size() == FaultPlatform.PARTITIONS).keySet().iterator().next();
            // the new owner projects the busy partition on (unless the stalled one holds its row in a transaction)
            long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (platform.storedNextOffset(busy) <= storedBefore && System.nanoTime() < deadline) {
                pause(100);
            }
            movedOn = platform.storedNextOffset(busy) > storedBefore;
            if (writer > 0) {
                newOwnerWaited = awaitBlockedBy(writer, Duration.ofSeconds(5)) > 0;
            }
        } finally {
            stalled.resume();
        }
        long stalledMillis = millisSince(pausedAt);
        pause(2_000); // the stalled instance writes what it had polled, then rejoins
        return new Stall("the " + (first ? "first" : "second") + " instance, owner of busy partition " + busy
                + ", stopped " + stalledMillis + " ms and removed from the group"
                + (writer > 0 ? " with a transaction holding the partition's offset row" : "") + ", while the other "
                + (movedOn ? "projected the partition on" : newOwnerWaited ? "waited for that row"
                        : "did not write the partition"),
                new Member(stayed, other(stalled)));
    }

    /** The first read-side backend found waiting for a lock {@code pid} holds, or 0 if none within the timeout. */
    private int awaitBlockedBy(int pid, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = platform.readDb.connect(FaultPlatform.QUERY_DATABASE); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery("select pid from pg_stat_activity where " + pid
                        + " = any(pg_blocking_pids(pid)) limit 1")) {
                    if (r.next()) {
                        return r.getInt(1);
                    }
                }
                pause(50);
            }
        }
        return 0;
    }

    /** A member of the projection's group (member ids change when a member is removed and rejoins). */
    private record Member(String memberId, QueryServiceProcess process) {
    }

    private record Stall(String what, Member stayed) {
    }

    private QueryServiceProcess other(QueryServiceProcess instance) {
        return instance == platform.queryService ? platform.secondQueryService : platform.queryService;
    }

    /** Polls refused by the offset fence, from both instances' logs. */
    private long fencedPolls() {
        return platform.queryService.logLinesContaining("fenced: ")
                + platform.secondQueryService.logLinesContaining("fenced: ");
    }

    private Map<String, java.util.Set<Integer>> awaitAssignment(
            java.util.function.Predicate<Map<String, java.util.Set<Integer>>> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, java.util.Set<Integer>> members = Map.of();
        while (System.nanoTime() < deadline) {
            try {
                members = platform.groupAssignment();
                if (done.test(members)) {
                    return members;
                }
            } catch (Exception e) {
                // the group rebalancing
            }
            pause(200);
        }
        throw new AssertionError("the consumer group did not settle: " + members);
    }

    // ------------------------------------------------------------------------------------------------- a round

    private void repeat(String fault, int faultNumber, Fault injection) throws Exception {
        int[] loadBeforeMillis = {50, 150, 300};
        for (int repetition = 0; repetition < REPETITIONS; repetition++) {
            Random random = new Random(SEED * 100 + faultNumber * 10 + repetition);
            long before = loadBeforeMillis[repetition] + random.nextInt(200);
            long after = 500 + random.nextInt(1_000);
            round(fault, repetition, random, before, after, injection);
        }
    }

    private void round(String fault, int repetition, Random random, long loadBefore, long loadAfter,
                       Fault injection) throws Exception {
        round(fault, repetition, random, loadBefore, loadAfter, injection, commands -> { });
    }

    /** What a round checks besides the audit, once the pipeline has caught up: given the round's commands. */
    @FunctionalInterface
    private interface AfterRound {
        void check(List<Command> commands) throws Exception;
    }

    private void round(String fault, int repetition, Random random, long loadBefore, long loadAfter,
                       Fault injection, AfterRound afterRound) throws Exception {
        long begin = System.nanoTime();
        platform.ensureRunning();
        awaitCaughtUpOrRecover();
        List<Target> targets = openMeetings();
        currentTargets = targets;

        load.start(targets, random.nextLong());
        pause(loadBefore);
        String what;
        List<Command> commands;
        try {
            what = injection.inject(repetition, random) + ", after " + loadBefore + " ms of load";
            pause(loadAfter);
        } finally {
            commands = load.stop();
            allCommands.addAll(commands);
        }
        System.out.println("[faults] " + fault + " #" + (repetition + 1) + ": " + what);
        int resolved = load.resolveUnanswered(commands, Duration.ofSeconds(60));

        boolean survived = false;
        int lost = -1;
        int duplicates = -1;
        boolean checksumEqual = false;
        Duration catchUp = null;
        ChecksumComparison checksum = null;
        Findings findings = null;
        int tried = commands.size();
        int acknowledged = count(commands, Outcome.ACKNOWLEDGED);
        int notSent = count(commands, Outcome.NOT_SENT);
        int rejected = count(commands, Outcome.REJECTED);
        try {
            catchUp = audit.awaitCaughtUp(CATCH_UP);
            findings = audit.exactlyOnce(allCommands, targets);
            lost = findings.lost();
            duplicates = findings.duplicateEffects();
            checksum = audit.checksumAgainstRebuild(CATCH_UP);
            checksumEqual = checksum.equal();
            survived = findings.clean() && checksumEqual && rejected == 0;
        } finally {
            report.add(new ReliabilityReport.Round(fault, repetition + 1, what, tried, acknowledged, resolved,
                    notSent, rejected, lost, duplicates, checksumEqual, catchUp,
                    checksum == null ? null : checksum.rebuild(), Duration.ofNanos(System.nanoTime() - begin),
                    survived));
        }
        String context = fault + " #" + (repetition + 1) + " (" + what + ")";
        assertThat(rejected).as(context + ": commands rejected with a 4xx: statuses %s",
                commands.stream().filter(c -> c.outcome == Outcome.REJECTED).map(c -> c.status).toList()).isZero();
        assertThat(acknowledged).as(context + ": commands acknowledged").isPositive();
        assertThat(findings.problems()).as(context + ": exactly-once audit").isEmpty();
        assertThat(checksum.differingTables()).as(context + ": read models vs. a clean rebuild").isEmpty();
        assertThat(checksum.rebuilt()).isEqualTo(checksum.incremental());
        afterRound.check(commands);
    }

    /**
     * Before a round: the pipeline has caught up. If an earlier failure left it stuck, both services are
     * restarted, so that one scenario's failure does not fail the next ones too.
     */
    private void awaitCaughtUpOrRecover() {
        try {
            audit.awaitCaughtUp(Duration.ofSeconds(30));
        } catch (AssertionError stuck) {
            System.out.println("[faults] the pipeline is stuck after an earlier failure; restarting both services");
            platform.queryService.stop();
            platform.stopCommandService();
            platform.startCommandService();
            platform.queryService.start();
            audit.awaitCaughtUp(CATCH_UP);
        }
    }

    /** A new meeting in each set, opened with every member, the next member presenting: where the load goes. */
    private List<Target> openMeetings() {
        HttpJson commands = new HttpJson(platform.commandUrl()).as(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);
        int number = meetingsOpened++;
        for (Target open : lastRoundMeetings) {
            HttpJson.Response closed = commands.post(open.meetingPath() + "/close", Map.of());
            assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        }
        List<Target> targets = new ArrayList<>();
        for (SetUnderLoad set : sets) {
            String meetings = "/api/sets/" + set.setId() + "/meetings";
            UUID meetingId = created(commands.post(meetings, Map.of("scheduledFor",
                    LocalDate.of(2026, 2, 2).plusDays(number).toString())), "meetingId");
            HttpJson.Response opened = commands.post(meetings + "/" + meetingId + "/open",
                    Map.of("attendees", set.members()));
            assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
            UUID presenter = set.members().get(number % MEMBERS);
            UUID challengeId = created(commands.post(meetings + "/" + meetingId + "/challenges",
                    Map.of("presenterId", presenter, "title", "Challenge " + number)), "challengeId");
            targets.add(new Target(set.programmeId(), set.setId(), meetingId, challengeId, presenter, set.members()));
        }
        lastRoundMeetings = targets;
        return targets;
    }

    /**
     * Waits (briefly) until the query service has a transaction open on the read side, i.e. is applying a poll,
     * so that a kill lands in the middle of a batch; returns whether it saw one.
     */
    private boolean awaitOpenProjectionTransaction(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = platform.readDb.connect(FaultPlatform.QUERY_DATABASE); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery("select count(*) from pg_stat_activity where datname = '"
                        + FaultPlatform.QUERY_DATABASE + "' and pid <> pg_backend_pid() and xact_start is not null"
                        + " and state in ('active', 'idle in transaction')")) {
                    r.next();
                    if (r.getInt(1) > 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static int count(List<Command> commands, Outcome outcome) {
        return (int) commands.stream().filter(c -> c.outcome == outcome).count();
    }

    private static UUID created(HttpJson.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.id(field);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void pause(long millis) {
        FaultPlatform.sleep(Duration.ofMillis(millis));
    }
}
