package org.actionlearning.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The Kafka broker in a JVM of its own, as a deployed broker runs: its collections then pause neither the
 * benchmark's HTTP client and topic consumer nor the other way round, and its CPU is measured on its own. Started
 * with the JVM options Kafka's own start script uses (1 GiB heap, G1 with 20 ms pause goal). The broker ends when
 * the benchmark closes its standard input or exits.
 */
public final class KafkaBrokerJvm implements AutoCloseable {

    private static final String READY = "BROKER READY ";
    private static final List<String> KAFKA_START_SCRIPT_OPTIONS = List.of("-Xmx1g", "-Xms1g", "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent");

    private final Process process;
    private final String bootstrapServers;

    private KafkaBrokerJvm(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** In the broker's JVM: starts it, tells the benchmark where it listens, and runs until stdin closes. */
    public static void main(String[] args) throws IOException {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Integer.parseInt(args[0]));
        // one broker: the transaction state log (the relay's producer is transactional) fits on it
        broker.brokerProperties(java.util.Map.of("transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        System.out.println(READY + broker.getBrokersAsString());
        System.out.flush();
        while (System.in.read() != -1) {
            // nothing is sent; end of input means the benchmark is done
        }
        broker.destroy();
        System.exit(0);
    }

    /** Starts a broker JVM with this JVM's class path and waits until it listens; its output goes to a log. */
    public static KafkaBrokerJvm start(int partitions, Path log, List<String> extraJvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(KAFKA_START_SCRIPT_OPTIONS);
        extraJvmOptions.forEach(option -> command.add(option.replace("{name}", "kafka-broker")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KafkaBrokerJvm.class.getName(),
                Integer.toString(partitions)));
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread copier = new Thread(() -> copyToLog(process, log, listening), "kafka-broker-log");
        copier.setDaemon(true);
        copier.start();
        try {
            return new KafkaBrokerJvm(process, listening.get(120, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while the Kafka broker started", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Kafka broker did not start; see " + log, e);
        }
    }

    private static void copyToLog(Process process, Path log, CompletableFuture<String> listening) {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                out.println(line);
                if (line.startsWith(READY)) {
                    listening.complete(line.substring(READY.length()).trim());
                }
            }
            listening.completeExceptionally(new IllegalStateException("broker exited: " + process.waitFor()));
        } catch (IOException | InterruptedException e) {
            listening.completeExceptionally(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** CPU time the broker's JVM has used so far, from /proc. */
    public double cpuSeconds() {
        return ProcessCpu.seconds(process.pid());
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
