package org.actionlearning.launcher.fault;

import org.actionlearning.testsupport.TestIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The query service in its own JVM, so that it can be killed (SIGKILL, no shutdown hooks, a transaction cut off
 * wherever it is) and started again. Runs the executable jar the reactor built
 * ({@code query-service/target/query-service-*-exec.jar}); without it, the same main class on this test's
 * classpath.
 */
final class QueryServiceProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(300);

    private final String name;
    private final List<String> arguments;
    private final Path logDirectory;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    QueryServiceProcess(int port, List<String> arguments, Path logDirectory) {
        this("query-service", port, arguments, logDirectory);
    }

    /** {@code name}: what its log files are called ({@code name-1.log}, one per start). */
    QueryServiceProcess(String name, int port, List<String> arguments, Path logDirectory) {
        this.name = name;
        this.port = port;
        this.arguments = arguments;
        this.logDirectory = logDirectory;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Starts the JVM and waits until the service answers ready; returns how long that took. */
    synchronized Duration start() {
        if (isRunning()) {
            return Duration.ZERO;
        }
        long begin = System.nanoTime();
        launch();
        awaitReady();
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Starts the JVM without waiting for it (see {@link #awaitReady()}). */
    synchronized void launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true"));
        Path jar = executableJar();
        if (jar != null) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    "org.actionlearning.query.QueryServiceApplication"));
        }
        command.add("--server.port=" + port);
        command.addAll(TestIdentity.arguments());
        command.addAll(arguments);
        Path log = logDirectory.resolve(name + "-" + (++starts) + ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the launched service answers ready and its pipeline (Kafka, the projection) is up: readiness alone
     * says only that reads can be served, and the faults need the projection consuming.
     */
    synchronized void awaitReady() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("query service exited with " + process.exitValue() + ":\n"
                        + logTail());
            }
            if (ready()) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("query service not ready after " + STARTUP + ":\n" + logTail());
    }

    /** SIGKILL: no shutdown hook, no consumer leaving the group, an open transaction cut off by the OS. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            await(process);
            process = null;
        }
    }

    /** SIGTERM: Spring's graceful shutdown. */
    synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            await(process);
            process = null;
        }
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The end of the current (or last) log, for a failure message. */
    String logTail() {
        return tail(logDirectory.resolve(name + "-" + starts + ".log"));
    }

    /** Log lines containing {@code text}, in every log of this run's starts so far. */
    long logLinesContaining(String text) {
        long lines = 0;
        for (int start = 1; start <= starts; start++) {
            try (var log = Files.lines(logDirectory.resolve(name + "-" + start + ".log"))) {
                lines += log.filter(line -> line.contains(text)).count();
            } catch (IOException | java.io.UncheckedIOException e) {
                // not written yet
            }
        }
        return lines;
    }

    /**
     * SIGSTOP: every thread of the JVM stops where it is, as in a long garbage-collection pause or a frozen VM: no
     * heartbeat, no poll, an open transaction left open; {@link #resume()} lets it go on as if nothing happened.
     */
    synchronized void pause() {
        signal("-STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean ready() {
        return up("/actuator/health/readiness") && up("/actuator/health/pipeline");
    }

    private boolean up(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The reactor's executable jar of the query service, if it was built (it is, before the launcher's tests). */
    static Path executableJar() {
        if ("classpath".equals(System.getProperty("als.fault.query-service"))) {
            return null;
        }
        for (Path target : List.of(Path.of("..", "query-service", "target"), Path.of("query-service", "target"))) {
            if (!Files.isDirectory(target)) {
                continue;
            }
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "query-service-*-exec.jar")) {
                for (Path jar : jars) {
                    return jar.toAbsolutePath().normalize();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    private static void await(Process process) {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
