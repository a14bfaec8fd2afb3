package org.actionlearning.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Command ingest over HTTP (LaunchProgramme: one new aggregate and one stored event per command) against its
 * durability limit: a single-row INSERT and COMMIT of an event-sized row into a table of the event store's shape,
 * on the same PostgreSQL, at the same concurrency.
 */
public final class CommandIngest {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private final BenchHttp http;
    private final BenchInfrastructure infrastructure;
    private final String commandDatabase;

    public CommandIngest(BenchHttp http, BenchInfrastructure infrastructure, String commandDatabase) {
        this.http = http;
        this.infrastructure = infrastructure;
        this.commandDatabase = commandDatabase;
    }

    public static String launchProgramme(long n) {
        return """
                {"organisation":"Bench Org %d","name":"Benchmark programme %d","sponsor":"Sponsor %d",\
                "startsOn":"2026-01-05","currency":"GBP"}""".formatted(n % 97, n, n % 13);
    }

    public ClosedLoop.Result http(String commandUrl, int concurrency, double warmup, double seconds) {
        return ClosedLoop.run(concurrency, warmup, seconds, () -> () -> http.postJson(commandUrl + "/api/programmes",
                launchProgramme(SEQUENCE.incrementAndGet())).status() == 201);
    }

    /**
     * The floor of the HTTP stack itself: the same service answering its liveness probe (Tomcat, the security
     * filters, Spring MVC, JSON; no command, no database) with the same client at the same concurrency.
     */
    public ClosedLoop.Result liveness(String commandUrl, int concurrency, double warmup, double seconds) {
        return ClosedLoop.run(concurrency, warmup, seconds, () -> () -> http.get(commandUrl
                + "/actuator/health/liveness").status() == 200);
    }

    /** The table the baseline appends to: the columns, keys and indexes of Axon's domainevententry. */
    public void createBaselineTable() throws Exception {
        try (Connection connection = infrastructure.connect(commandDatabase)) {
            connection.createStatement().execute("""
                    create table if not exists baseline_event (like domainevententry including all)""");
            connection.createStatement().execute("create sequence if not exists baseline_event_seq");
            connection.createStatement().execute(
                    "alter table baseline_event alter column globalindex set default nextval('baseline_event_seq')");
        }
    }

    public ClosedLoop.Result jdbc(int concurrency, double warmup, double seconds) {
        return ClosedLoop.run(concurrency, warmup, seconds, () -> new JdbcAppend(true));
    }

    /**
     * The same appends with {@code synchronous_commit} off for their sessions: a commit does not wait for its WAL
     * flush (the WAL writer still flushes it, in larger batches): what waiting for durability costs the baseline here.
     */
    public ClosedLoop.Result jdbcWithoutWaitingForFlush(int concurrency, double warmup, double seconds) {
        return ClosedLoop.run(concurrency, warmup, seconds, () -> new JdbcAppend(false));
    }

    /** One thread's connection appending event-sized rows, one per transaction. */
    private final class JdbcAppend implements ClosedLoop.Operation {
        private final Connection connection;
        private final PreparedStatement insert;

        JdbcAppend(boolean synchronousCommit) {
            try {
                connection = infrastructure.connect(commandDatabase);
                if (!synchronousCommit) {
                    try (Statement session = connection.createStatement()) {
                        session.execute("set synchronous_commit = off");
                    }
                }
                connection.setAutoCommit(false);
                insert = connection.prepareStatement("""
                        insert into baseline_event (aggregateidentifier, sequencenumber, type, eventidentifier,
                            metadata, payload, payloadrevision, payloadtype, timestamp)
                        values (?, 0, 'Programme', ?, ?, ?, '1', ?, ?)""");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean run() throws Exception {
            long n = SEQUENCE.incrementAndGet();
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, "{\"traceId\":\"bench\"}".getBytes());
            insert.setBytes(4, launchProgramme(n).replace("}", ",\"programmeId\":\"" + UUID.randomUUID() + "\"}")
                    .getBytes());
            insert.setString(5, "org.actionlearning.events.programme.ProgrammeLaunched");
            insert.setString(6, Instant.now().toString());
            insert.executeUpdate();
            connection.commit();
            return true;
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }
}
