package org.actionlearning.launcher.fault;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server on a fixed port and data directory that survives a stop: {@code synchronous_commit} on,
 * as in production, and the data directory kept, so a start after a stop (or after a crash) recovers what was
 * committed, on the same port.
 */
final class RestartablePostgres implements AutoCloseable {

    /** How the server goes away. */
    enum Stop {
        /** {@code pg_ctl stop -m fast}: sessions are ended, a checkpoint is written. */
        FAST,
        /**
         * SIGQUIT to the postmaster, what {@code pg_ctl stop -m immediate} sends: sessions are cut off, no
         * checkpoint, crash recovery from the WAL on the next start.
         */
        IMMEDIATE,
        /** SIGKILL to the postmaster, as the OOM killer would; its backends go when they notice. */
        KILL
    }

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void stop(Stop how) {
        if (postgres == null) {
            return;
        }
        try {
            switch (how) {
                case FAST -> { }
                case IMMEDIATE -> immediateShutdown();
                case KILL -> kill();
            }
        } finally {
            try {
                // stops a FAST server; after IMMEDIATE or KILL finds none (and logs so); releases the lock
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }

    synchronized boolean isRunning() {
        return postgres != null;
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "postgres");
    }

    void createDatabase(String database) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        }
    }

    /** The running postmaster (pg_ctl started it, so it is not this JVM's child), from its pid file. */
    private ProcessHandle postmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void kill() {
        ProcessHandle postmaster = postmaster();
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        // orphaned backends exit once they notice the postmaster is gone; a new postmaster cannot start while
        // they still hold the old shared memory
        awaitGone(postmaster);
        backends.forEach(RestartablePostgres::awaitGone);
        backends.stream().filter(b -> !gone(b)).forEach(ProcessHandle::destroyForcibly);
        backends.forEach(RestartablePostgres::awaitGone);
        clearPidFileOfZombie(postmaster);
    }

    /**
     * A killed postmaster leaves its pid file behind. Where nothing reaps the dead process (a container whose
     * first process is no init) it stays a zombie, which PostgreSQL would take for a running postmaster.
     */
    private void clearPidFileOfZombie(ProcessHandle postmaster) {
        if (postmaster.isAlive() && gone(postmaster)) {
            try {
                Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void awaitGone(ProcessHandle process) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!gone(process) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Not running: exited, or a zombie waiting to be reaped. */
    private static boolean gone(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;   // no /proc entry: gone
        }
    }

    private void immediateShutdown() {
        ProcessHandle postmaster = postmaster();
        try {
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -QUIT " + postmaster.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        awaitGone(postmaster);
        postmaster.descendants().forEach(RestartablePostgres::awaitGone);
        clearPidFileOfZombie(postmaster);
    }

    @Override
    public void close() {
        stop(Stop.FAST);
    }
}
