package org.actionlearning.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.actionlearning.testsupport.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's PostgreSQL refuses a connection without its password, listens on the loopback addresses only,
 * and a data directory made by an earlier version (no password, every local connection trusted) starts with the
 * password too and keeps its data.
 */
class EmbeddedDatabaseTest {

    private static final String PASSWORD = "a-password-made-for-this-directory";

    @TempDir
    Path dataDirectory;

    @Test
    void aConnectionNeedsThePasswordAndComesOverLoopbackOnly() throws Exception {
        int port = FreePorts.next();
        try (EmbeddedPostgres postgres = EmbeddedDatabase.start(dataDirectory, port, PASSWORD)) {
            assertRefused(port, null);
            assertRefused(port, "postgres");
            try (Connection connection = connect(port, PASSWORD)) {
                assertThat(value(connection, "show listen_addresses")).isEqualTo("127.0.0.1,::1");
                assertThat(rows(connection, "select type || ' ' || coalesce(address, '') || ' ' || auth_method "
                        + "from pg_hba_file_rules order by line_number"))
                        .containsExactly("host 127.0.0.1 scram-sha-256", "host ::1 scram-sha-256");
                assertThat(value(connection, "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid "
                        + "where rolname = 'postgres'")).isEqualTo("t");
            }
            Optional<InetAddress> outside = nonLoopbackAddress();
            if (outside.isPresent()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outside.get(), port), 2000))
                            .as("nothing listens on " + outside.get()).isInstanceOf(java.io.IOException.class);
                }
            }
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionStartsWithThePasswordAndKeepsItsData() throws Exception {
        int port = FreePorts.next();
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).setPort(port).start();
             Connection connection = DriverManager.getConnection(earlier.getJdbcUrl("postgres", "postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (note text)");
            statement.execute("insert into kept values ('from before')");
        }

        try (EmbeddedPostgres postgres = EmbeddedDatabase.start(dataDirectory, port, PASSWORD)) {
            assertRefused(port, null);
            try (Connection connection = connect(port, PASSWORD)) {
                assertThat(value(connection, "select note from kept")).isEqualTo("from before");
            }
        }
        try (EmbeddedPostgres again = EmbeddedDatabase.start(dataDirectory, port, PASSWORD);
             Connection connection = connect(port, PASSWORD)) {
            assertThat(value(connection, "select count(*) from kept")).as("a second start").isEqualTo("1");
        }
    }

    @Test
    void aServerLeftRunningByAKilledLauncherIsStoppedAtTheNextStart() throws Exception {
        int port = FreePorts.next();
        try (EmbeddedPostgres first = EmbeddedDatabase.start(dataDirectory, port, PASSWORD);
             Connection connection = connect(port, PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("create table kept (note text)");
        }
        // what kill -9 of the launcher leaves: PostgreSQL, in a session of its own, still running on the directory
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // PostgreSQL refuses to run as root
        }
        command.addAll(List.of(EmbeddedDatabase.binaries().toPath().resolve("bin/postgres").toString(),
                "-D", dataDirectory.toString(), "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1"));
        Process leftover = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        awaitConnection(port);

        try (EmbeddedPostgres restarted = EmbeddedDatabase.start(dataDirectory, port, PASSWORD);
             Connection connection = connect(port, PASSWORD)) {
            assertThat(leftover.isAlive()).as("the leftover server").isFalse();
            assertThat(value(connection, "select count(*) from kept")).isEqualTo("0");
        } finally {
            leftover.destroyForcibly();
        }
    }

    private static void awaitConnection(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                connect(port, PASSWORD).close();
                return;
            } catch (SQLException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the leftover server did not come up on port " + port);
    }

    private static void assertRefused(int port, String password) {
        assertThatThrownBy(() -> connect(port, password).close()).as("password " + password)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("password authentication failed",
                        "no password was provided"));
    }

    private static Connection connect(int port, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", password);
    }

    private static String value(Connection connection, String sql) throws SQLException {
        List<String> rows = rows(connection, sql);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** An IPv4 address of this machine that is not loopback, if it has one. */
    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
