package org.actionlearning.benchmark;

import org.actionlearning.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service running in its own JVM from its executable jar, with {@code -Xmx512m}, so that its heap and RSS
 * are its own. Heap in use is sampled every 500 ms from the actuator; the peak RSS is the kernel's
 * {@code VmHWM} of the process, read just before it stops.
 */
public final class ServiceJvm implements AutoCloseable {

    private static final Pattern METRIC_VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+]+)");
    private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

    /** What a service used: the largest heap in use seen, and the peak resident set size. */
    public record Memory(String service, double peakHeapMiB, double peakRssMiB) {
    }

    private final String name;
    private final String url;
    private final Process process;
    private final BenchHttp http;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private volatile double peakHeapBytes;

    private ServiceJvm(String name, int port, Process process, BenchHttp http) {
        this.name = name;
        this.url = "http://localhost:" + port;
        this.process = process;
        this.http = http;
    }

    /** A port nothing listens on now, so benchmarks run side by side never answer each other's requests. */
    public static int freePort() {
        return FreePorts.next();
    }

    public static ServiceJvm start(String name, Path jar, int port, List<String> jvmOptions, List<String> arguments,
                                   Path logDirectory, BenchHttp http) {
        ServiceJvm service = launch(name, jar, port, jvmOptions, arguments, logDirectory, http);
        service.awaitReady();
        return service;
    }

    /** Starts the JVM without waiting for it to be ready (several can then start side by side). */
    public static ServiceJvm launch(String name, Path jar, int port, List<String> jvmOptions, List<String> arguments,
                                    Path logDirectory, BenchHttp http) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx512m", "-Daxoniq.update-checker.disabled=true"));
        jvmOptions.forEach(option -> command.add(option.replace("{name}", name))); // e.g. a JFR file per service
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        try {
            Files.createDirectories(logDirectory);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logDirectory.resolve(name + ".log").toFile());
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            Process process = builder.start();
            // the services must not outlive the benchmark, however it ends
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            ServiceJvm service = new ServiceJvm(name, port, process, http);
            service.sampler.scheduleAtFixedRate(service::sampleHeap, 0, 500, TimeUnit.MILLISECONDS);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    public void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log");
            }
            if (http.get(url + "/actuator/health/readiness").ok()) {
                return;
            }
            Stopwatch.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after 180 s");
    }

    private void sampleHeap() {
        double used = metric("jvm.memory.used?tag=area:heap");
        if (!Double.isNaN(used)) {
            peakHeapBytes = Math.max(peakHeapBytes, used);
        }
    }

    /** Milliseconds the JVM's JIT compilers have spent so far (Micrometer's {@code jvm.compilation.time}). */
    public double compilationMillis() {
        return metric("jvm.compilation.time");
    }

    /**
     * A counter's total over all its tags: 0 before it counted anything (the actuator answers 404 for a meter not
     * registered yet), NaN when the actuator does not answer.
     */
    public double counter(String name) {
        BenchHttp.Answer answer = http.get(url + "/actuator/metrics/" + name);
        return answer.status() == 404 ? 0 : value(answer);
    }

    /** A metric's first measurement from the actuator; NaN when it does not answer. */
    private double metric(String nameAndTags) {
        return value(http.get(url + "/actuator/metrics/" + nameAndTags));
    }

    private static double value(BenchHttp.Answer answer) {
        if (answer.ok()) {
            Matcher value = METRIC_VALUE.matcher(answer.body());
            if (value.find()) {
                return Double.parseDouble(value.group(1));
            }
        }
        return Double.NaN;
    }

    /** CPU time the process has used so far (user + system), from /proc; NaN where there is none. */
    public double cpuSeconds() {
        return ProcessCpu.seconds(process.pid());
    }

    /** CPU time of the JVM's JIT compiler threads so far: paid again by every JVM that runs the same code. */
    public double jitCpuSeconds() {
        return ProcessCpu.threadSeconds(process.pid(), List.of("C1 CompilerThre", "C2 CompilerThre"));
    }

    /** CPU time of the JVM's garbage collector threads so far (G1's parallel, concurrent and refinement threads). */
    public double gcCpuSeconds() {
        return ProcessCpu.threadSeconds(process.pid(), List.of("GC Thread", "G1 "));
    }

    private double peakRssMiB() {
        try {
            Matcher hwm = VM_HWM.matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
            return hwm.find() ? Long.parseLong(hwm.group(1)) / 1024.0 : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Stops the service (SIGTERM) and tells what it used. */
    public Memory stop() {
        sampler.shutdownNow();
        Memory memory = new Memory(name, peakHeapBytes / (1024.0 * 1024.0), peakRssMiB());
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return memory;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
