package org.actionlearning.launcher.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.launcher.web.SampleProgramme;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The event store is enough to recover the platform: dumped from a running platform, restored into an empty
 * platform (a new database, a new topic, a new read-side database), re-published and projected from the first
 * event, its read models have the same checksum as before.
 */
class BackupRestoreTest {

    private static final String USER = "postgres";

    @Test
    void anEventStoreRestoredIntoAnEmptyPlatformAndRepublishedGivesTheSameReadModels() throws Exception {
        Map<String, JsonNode> before;
        Map<String, byte[]> dump;
        List<SequenceValue> sequences;
        try (BothServices original = new BothServices("backup")) {
            new SampleProgramme(original.commands);
            awaitCaughtUp(original);
            before = checksum(original);
            // a logical dump of the command side's data, table by table, as pg_dump --data-only takes it
            try (Connection source = DriverManager.getConnection(original.commandDatabaseUrl, USER, USER)) {
                dump = dataOf(source);
                sequences = sequencesOf(source);
            }
        }
        assertThat(dump).containsKeys("domainevententry", "tokenentry", "relay_position");

        String restoredUrl = EmbeddedInfrastructure.newDatabase("restored_commands");
        Flyway.configure().dataSource(restoredUrl, USER, USER).locations("classpath:db/command")
                .table("flyway_history_command").load().migrate();
        try (Connection target = DriverManager.getConnection(restoredUrl, USER, USER)) {
            restore(target, dump, sequences);
        }

        try (BothServices restored = new BothServices("restored", restoredUrl)) {
            // the restored token says everything was published, but the new topic is empty: publish it all again
            assertThat(restored.commands.post("/api/admin/relay/republish", Map.of()).status()).isEqualTo(202);
            Map<String, JsonNode> after = Map.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline && !(after = checksum(restored)).equals(before)) {
                Thread.sleep(500);
            }
            assertThat(after).isEqualTo(before);
        }
    }

    private record SequenceValue(String name, long value) {
    }

    private static Map<String, JsonNode> checksum(BothServices platform) {
        Map<String, JsonNode> byTable = new HashMap<>();
        platform.queries.get("/api/admin/checksum").body().fields()
                .forEachRemaining(e -> byTable.put(e.getKey(), e.getValue()));
        return byTable;
    }

    /** Until the read side applied every aggregate's last stored sequence (bounded). */
    private static void awaitCaughtUp(BothServices platform) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Map<String, Long> stored = positions(platform.commandDatabaseUrl, "select aggregateidentifier,"
                    + " max(sequencenumber) from domainevententry group by aggregateidentifier");
            Map<String, Long> applied = positions(platform.queryDatabaseUrl,
                    "select aggregate_id::text, last_sequence from aggregate_position");
            if (!stored.isEmpty() && applied.entrySet().containsAll(stored.entrySet())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the read side did not catch up with the event store");
    }

    private static Map<String, Long> positions(String url, String query) throws Exception {
        Map<String, Long> positions = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, USER, USER);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                positions.put(rows.getString(1), rows.getLong(2));
            }
        }
        return positions;
    }

    private static Map<String, byte[]> dataOf(Connection source) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Statement statement = source.createStatement();
             ResultSet rows = statement.executeQuery("select table_name from information_schema.tables"
                     + " where table_schema = 'public' and table_type = 'BASE TABLE'"
                     + " and table_name <> 'flyway_history_command'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        CopyManager copy = source.unwrap(PGConnection.class).getCopyAPI();
        Map<String, byte[]> data = new HashMap<>();
        for (String table : tables) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy.copyOut("copy " + table + " to stdout with (format binary)", out);
            data.put(table, out.toByteArray());
        }
        return data;
    }

    private static List<SequenceValue> sequencesOf(Connection source) throws Exception {
        List<SequenceValue> sequences = new ArrayList<>();
        try (Statement statement = source.createStatement();
             ResultSet rows = statement.executeQuery("select sequencename, last_value from pg_sequences"
                     + " where schemaname = 'public' and last_value is not null")) {
            while (rows.next()) {
                sequences.add(new SequenceValue(rows.getString(1), rows.getLong(2)));
            }
        }
        return sequences;
    }

    /** Into the migrated, empty schema: rows first (constraints' triggers off, as pg_restore does), then sequences. */
    private static void restore(Connection target, Map<String, byte[]> dump, List<SequenceValue> sequences)
            throws Exception {
        target.setAutoCommit(false);
        try (Statement statement = target.createStatement()) {
            statement.execute("set local session_replication_role = replica");
            for (String table : dump.keySet()) {
                statement.execute("delete from " + table); // what the migrations seeded, if anything
            }
            CopyManager copy = target.unwrap(PGConnection.class).getCopyAPI();
            for (Map.Entry<String, byte[]> table : dump.entrySet()) {
                copy.copyIn("copy " + table.getKey() + " from stdin with (format binary)",
                        new ByteArrayInputStream(table.getValue()));
            }
            for (SequenceValue sequence : sequences) {
                statement.execute("select setval('" + sequence.name() + "', " + sequence.value() + ")");
            }
        }
        target.commit();
    }
}
