package org.actionlearning.benchmark;

import org.actionlearning.testsupport.TestIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.actionlearning.events.envelope.EventEnvelope;

/**
 * The benchmark suite: {@code ./bench.sh [--quick] [--runs N] [--out FILE]}. Starts PostgreSQL and Kafka on their own
 * ports, runs each service in its own JVM, measures every figure with its baseline in the same run, repeats the
 * measurements {@code runs} times, prints the medians and writes them to BENCHMARKS.md.
 */
public final class BenchmarkMain {

    private static final Path DATA = Path.of(System.getProperty("bench.data-dir", "/tmp/als-bench"));
    private static final Path LOGS = Path.of(System.getProperty("bench.log-dir", "/tmp/als-bench-logs"));

    /** Runs of the ingest steps before the measured ones (-Dbench.ingest-warmup-runs, default 2). */
    private static final int INGEST_WARMUP_RUNS = Integer.getInteger("bench.ingest-warmup-runs", 2);
    /** Cores of CPU time each query instance gets in the scale-out measurement with budgets; 0: not measured. */
    private static final double INSTANCE_CORES = Double.parseDouble(System.getProperty("bench.instance-cores", "0.5"));

    private final BenchSizes sizes;
    private final int runs;
    private final Path root;
    private final Results results = new Results();
    private final BenchHttp http = new BenchHttp();
    private final List<String> serviceJvmOptions = new ArrayList<>();

    private BenchmarkMain(BenchSizes sizes, int runs, Path root) {
        this.sizes = sizes;
        this.runs = runs;
        this.root = root;
        String extra = System.getProperty("bench.service-jvm-options", "");
        if (!extra.isBlank()) {
            serviceJvmOptions.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        BenchSizes sizes = arguments.contains("--quick") ? BenchSizes.quick()
                : arguments.contains("--reduced") ? BenchSizes.reduced() : BenchSizes.full();
        int runs = Integer.parseInt(option(arguments, "--runs", "3"));
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path out = root.resolve(option(arguments, "--out", "BENCHMARKS.md"));
        List<String> only = Arrays.asList(option(arguments, "--only", "ingest,projection,dashboard").split(","));
        if (only.contains("e2e") && !only.contains("ingest") && System.getProperty("bench.e2e-peak") == null) {
            throw new IllegalArgumentException("--only e2e needs -Dbench.e2e-peak=N (commands/s): without the ingest "
                    + "steps there is no measured peak to take the loads from");
        }
        BenchmarkMain bench = new BenchmarkMain(sizes, runs, root);
        Stopwatch total = Stopwatch.start();
        Files.createDirectories(LOGS);
        // before anything else runs: what a system call and a thread hand-off cost on this machine
        SystemCallCost kernel = SystemCallCost.measure();
        bench.results.add("machine.write-us", kernel.writeMicros());
        bench.results.add("machine.hand-off-us", kernel.handOffMicros());
        try (BenchInfrastructure infrastructure = new BenchInfrastructure(DATA, Integer.getInteger("bench.pg-port", 55432),
                LOGS, bench.serviceJvmOptions)) {
            if (only.contains("ingest") || only.contains("e2e")) {
                bench.ingestAndEndToEnd(infrastructure, only.contains("ingest"));
            }
            if (only.contains("projection")) {
                bench.projection(infrastructure);
            }
            if (only.contains("dashboard")) {
                bench.dashboardsAndRebuild(infrastructure);
            }
        }
        String report = new Report(bench.results, sizes, runs, total.seconds(), String.join(" ", args)).markdown();
        Files.writeString(out, report);
        System.out.println();
        System.out.println(report);
        System.out.println("Written to " + out);
        System.exit(0);
    }

    /**
     * Command ingest over HTTP against raw JDBC, then end-to-end latency at 25% and 75% of the ingest peak. Without
     * {@code withIngest} ({@code --only e2e}, for paired experiments), end-to-end alone at the shares of
     * {@code -Dbench.e2e-peak}.
     */
    private void ingestAndEndToEnd(BenchInfrastructure infrastructure, boolean withIngest) throws Exception {
        phase("command ingest (HTTP vs raw JDBC INSERT+COMMIT) and end-to-end latency");
        infrastructure.createDatabase("bench_command");
        infrastructure.createDatabase("bench_query");
        infrastructure.createTopic("bench.commands");
        ServiceJvm commands = ServiceJvm.start("command-service", jar("command-service"), ServiceJvm.freePort(),
                serviceJvmOptions, TestIdentity.listWith(
                        "--spring.datasource.url=" + infrastructure.jdbcUrl("bench_command"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--als.relay.bootstrap-servers=" + infrastructure.bootstrapServers(),
                        "--als.relay.topic=bench.commands"), LOGS, http);
        ServiceJvm queries = ServiceJvm.start("query-service-e2e", jar("query-service"), ServiceJvm.freePort(),
                serviceJvmOptions, TestIdentity.listWith(
                        "--spring.datasource.url=" + infrastructure.jdbcUrl("bench_query"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--als.projection.bootstrap-servers=" + infrastructure.bootstrapServers(),
                        "--als.projection.topic=bench.commands",
                        "--als.security.identity-url=" + commands.url(),
                        "--als.personal-data.vault-url=" + commands.url()), LOGS, http);
        try {
            CommandIngest ingest = new CommandIngest(http, infrastructure, "bench_command");
            ingest.createBaselineTable();
            PipelineDrain drain = new PipelineDrain(commands, queries);
            // unmeasured runs first: with none, the rate at concurrency 64 rose run after run in every invocation
            // (852 / 1,012 / 1,604 with each step starting drained), as the four JVMs compiled the command path
            Results unmeasured = new Results();
            for (int run = 1; withIngest && run <= INGEST_WARMUP_RUNS; run++) {
                System.out.println(" warm-up run " + run + " (not counted)");
                ingestRun(unmeasured, ingest, drain, commands, queries, infrastructure);
                results.add("ingest.warmup-run" + run + ".c64.rate", unmeasured.runValue("ingest.http.c64.rate", run));
            }
            for (int run = 1; withIngest && run <= runs; run++) {
                System.out.println(" run " + run);
                ingestRun(results, ingest, drain, commands, queries, infrastructure);
            }
            if (!withIngest) {
                // the ingest steps' warm-up runs compile the command path at full rate; without them, this does
                double seconds = 2 * sizes.endToEndSeconds();
                ClosedLoop.Result warmUp = ingest.http(commands.url(), 64, 0, seconds);
                System.out.printf(" warm-up: %.0f s at concurrency 64, %s commands/s (not counted)%n", seconds,
                        Results.format(warmUp.perSecond()));
                drain.await();
            }
            EndToEnd endToEnd = new EndToEnd(http, infrastructure.bootstrapServers(), "bench.commands");
            Map<String, Double> loads = endToEndLoads();
            // unmeasured, as every other step has a warm-up, and until the JITs settle: with one round of 10 s the
            // first run at 25% was still the slowest in every invocation, and a JFR counted 49 / 36 / 24 compilations
            // in the query service, the command service and this JVM during it, 5 / 0 / 0 in the third run
            JitActivity jit = new JitActivity(commands, queries);
            loads.forEach((load, rate) -> {
                drain.await();
                JitActivity.WarmUp warmUp = jit.warmUntilSettled(() -> endToEnd.run(commands.url(), queries.url(),
                        rate, sizes.endToEndWarmup()), sizes.endToEndWarmup());
                results.add("e2e." + load + ".warmup.rounds", warmUp.rounds());
                results.add("e2e." + load + ".warmup.last-round-jit-ms", warmUp.lastRoundMillis());
            });
            for (int run = 1; run <= runs; run++) {
                for (Map.Entry<String, Double> load : loads.entrySet()) {
                    drain.await();
                    Usage usage = Usage.start(commands, queries, infrastructure);
                    Stopwatch elapsed = Stopwatch.start();
                    EndToEnd.Result result = endToEnd.run(commands.url(), queries.url(), load.getValue(),
                            sizes.endToEndSeconds());
                    String figure = "e2e." + load.getKey();
                    // which process used the cores, and how busy they were (%): the tail grows as this nears 100
                    double seconds = elapsed.seconds();
                    CpuSplit used = usage.recordPer(result.achievedRate() * seconds, results, figure);
                    results.add(figure + ".cores-busy",
                            100 * used.total() / seconds / Runtime.getRuntime().availableProcessors());
                    results.add(figure + ".offered", result.offeredRate());
                    results.add(figure + ".achieved", result.achievedRate());
                    results.add(figure + ".p50", result.visible().percentileMillis(50));
                    results.add(figure + ".p99", result.visible().percentileMillis(99));
                    results.add(figure + ".acknowledged.p50", result.acknowledged().percentileMillis(50));
                    results.add(figure + ".acknowledged.p99", result.acknowledged().percentileMillis(99));
                    results.add(figure + ".on-topic.p50", result.onTopic().percentileMillis(50));
                    results.add(figure + ".on-topic.p99", result.onTopic().percentileMillis(99));
                    results.add(figure + ".projected.p50", result.projected().percentileMillis(50));
                    results.add(figure + ".projected.p99", result.projected().percentileMillis(99));
                    results.add(figure + ".failed", result.failed());
                }
            }
        } finally {
            memory(commands.stop(), "command");
            memory(queries.stop(), "query");
        }
    }

    /**
     * One run of the ingest steps at concurrency 1, 16 and 64: commands over HTTP (each step starting with the
     * pipeline drained), raw JDBC appends and liveness probes, into {@code into}.
     */
    private void ingestRun(Results into, CommandIngest ingest, PipelineDrain drain, ServiceJvm commands,
                           ServiceJvm queries, BenchInfrastructure infrastructure) {
        for (int concurrency : List.of(1, 16, 64)) {
            String figure = "ingest.http.c" + concurrency;
            // each step starts with nothing left over from the steps before it
            into.add(figure + ".drain-before-seconds", drain.await());
            Usage usage = Usage.start(commands, queries, infrastructure);
            Stopwatch step = Stopwatch.start();
            ClosedLoop.Result http = ingest.http(commands.url(), concurrency, sizes.ingestWarmup(),
                    sizes.ingestSeconds());
            double loadSeconds = step.seconds();
            double drainSeconds = drain.await();
            // CPU per command of each process, warm-up included, until the step's events were projected: what
            // bounds ingest on two shared cores, with the relay's and the projection's share of the step
            usage.recordPer(http.allSucceeded(), into, figure);
            record(into, figure, http);
            into.add(figure + ".drain-seconds", drainSeconds);
            // the rate at which commands became visible, not only acknowledged
            into.add(figure + ".sustained", http.allSucceeded() / (loadSeconds + drainSeconds));
            Usage jdbcUsage = Usage.start(commands, queries, infrastructure);
            ClosedLoop.Result jdbc = ingest.jdbc(concurrency, sizes.ingestWarmup(), sizes.ingestSeconds());
            record(into, "ingest.jdbc.c" + concurrency, jdbc);
            if (concurrency == 64) {
                // what bounds the baseline itself: its CPU per row, against the cores; and its rate without the wait
                jdbcUsage.recordPer(jdbc.allSucceeded(), into, "ingest.jdbc.c64");
                record(into, "ingest.jdbc-no-flush-wait.c64", ingest.jdbcWithoutWaitingForFlush(concurrency,
                        sizes.ingestWarmup(), sizes.ingestSeconds()));
            }
            Usage livenessUsage = Usage.start(commands, queries, infrastructure);
            ClosedLoop.Result liveness = ingest.liveness(commands.url(), concurrency, sizes.ingestWarmup(),
                    sizes.ingestSeconds());
            record(into, "ingest.liveness.c" + concurrency, liveness);
            if (concurrency == 64) {
                // the HTTP round trip's own CPU: with a raw row's, the least any command can cost on these cores
                livenessUsage.recordPer(liveness.allSucceeded(), into, "ingest.liveness.c64");
            }
        }
    }

    /**
     * The end-to-end loads, in commands/s: 25% and 75% ("at25", "at75") of the peak the pipeline sustains at
     * concurrency 64 (commands until their events were projected, over the step and its drain), as end-to-end
     * latency is meaningful only at a rate the whole pipeline keeps up with; and 75% of the acknowledged (burst)
     * peak, "at75-acknowledged", which the earlier rounds used, for comparison. With {@code -Dbench.e2e-peak=N}:
     * 25% and 75% of N only, so that two invocations compared in a pair offer the same rates (the measured peak
     * moves with the machine's state).
     */
    private Map<String, Double> endToEndLoads() {
        Map<String, Double> loads = new LinkedHashMap<>();
        String fixedPeak = System.getProperty("bench.e2e-peak");
        double peak = fixedPeak == null ? results.median("ingest.http.c64.sustained") : Double.parseDouble(fixedPeak);
        if (fixedPeak != null) {
            results.add("e2e.fixed-peak", peak);
        }
        loads.put("at25", peak * 0.25);
        loads.put("at75", peak * 0.75);
        if (fixedPeak == null) {
            loads.put("at75-acknowledged", results.median("ingest.http.c64.rate") * 0.75);
        }
        return loads;
    }

    /**
     * One million events on a topic: bare consumer, naive projector, one and two query-service instances, and one and
     * two again with a CPU budget each (where the machine lets the benchmark set one).
     */
    private void projection(BenchInfrastructure infrastructure) throws Exception {
        phase("projection throughput");
        String topic = "bench.projection";
        long events = generate(infrastructure, topic, new DataSet(sizes.projectionProgrammes(),
                sizes.setsPerProgramme(), sizes.projectionEventsPerSet(), 1), null);
        results.add("projection.events", events);
        ProjectionBaselines baselines = new ProjectionBaselines(infrastructure);
        QueryServices queryServices = queryServices(infrastructure);
        boolean withBudgets = measureWithBudgets();
        for (int run = 1; run <= runs; run++) {
            System.out.println(" run " + run);
            results.add("projection.bare", baselines.bareConsumer(topic, events));
            results.add("projection.naive", baselines.naiveProjector(topic, sizes.naiveEvents(), "bench_naive"));
            for (int instances : List.of(1, 2)) {
                recordProjection("projection.", queryServices.project(topic, events, instances,
                        instances == 1 ? "bench_projection_one" : "bench_projection_two"));
            }
            if (withBudgets) {
                for (int instances : List.of(1, 2)) {
                    recordProjection("projection.budget.", queryServices.projectWithBudget(topic, events, instances,
                            instances == 1 ? "bench_projection_one_budget" : "bench_projection_two_budget",
                            INSTANCE_CORES));
                }
            }
        }
        queryServices.memory().forEach(used -> memory(used, "query"));
    }

    private void recordProjection(String prefix, QueryServices.Projected projected) {
        String figure = prefix + "query" + projected.instances();
        results.add(figure, projected.perSecond());
        results.add(figure + ".second-half", projected.secondHalfPerSecond());
        projected.cpu().byName().forEach((process, micros) -> results.add(figure + ".cpu-us." + process, micros));
    }

    /**
     * Whether the instances are measured again with {@link #INSTANCE_CORES} cores each: scale-out as with cores of
     * their own (the two cores here are already all used by one instance, PostgreSQL and the broker). Records the
     * budget when they are.
     */
    private boolean measureWithBudgets() {
        if (INSTANCE_CORES <= 0) {
            return false;
        }
        if (!CpuBudget.supported()) {
            System.out.println("  (no writable cgroup CPU controller here: instances with a CPU budget not measured)");
            return false;
        }
        results.add("projection.budget.cores", INSTANCE_CORES);
        return true;
    }

    /** Five million events: dashboard and fairness latency against raw SQL, and rebuilds of all read models. */
    private void dashboardsAndRebuild(BenchInfrastructure infrastructure) throws Exception {
        phase("dashboards and rebuild");
        String topic = "bench.dashboards";
        infrastructure.createDatabase("bench_raw");
        long events;
        try (RawEventTable raw = new RawEventTable(infrastructure.connect("bench_raw"))) {
            events = generate(infrastructure, topic, new DataSet(sizes.dashboardProgrammes(),
                    sizes.setsPerProgramme(), sizes.eventsPerSet(), 2), raw);
        }
        results.add("dashboard.events", events);
        QueryServices queryServices = queryServices(infrastructure);
        infrastructure.createDatabase("bench_dashboards");
        ServiceJvm queries = queryServices.launch("query-service-dashboards", topic, "bench_dashboards",
                "bench-dashboards");
        try (Connection readModels = infrastructure.connect("bench_dashboards");
             Connection raw = infrastructure.connect("bench_raw")) {
            queries.awaitReady();
            Stopwatch initial = Stopwatch.start();
            while (QueryServices.committedOffsets(readModels) < events) {
                Stopwatch.sleep(250);
            }
            // from offset 0 into empty read models: the work of a rebuild, so it counts as the first one
            results.add("projection.initial-dashboards.seconds", initial.seconds());
            results.add("rebuild.seconds", initial.seconds());
            holdForInspection(queries);
            DashboardLatency latency = new DashboardLatency(http);
            List<UUID> programmes = DashboardLatency.ids(raw, "ProgrammeLaunched");
            List<UUID> sets = DashboardLatency.ids(raw, "SetFormed");
            // as many requests unmeasured as measured: with 50, the first run of every invocation was the slowest
            // (the JIT was still compiling the query code, JFR showed, right after the initial projection)
            int warmup = sizes.apiRequests();
            for (int run = 1; run <= runs; run++) {
                System.out.println(" run " + run);
                latencies("dashboard.api", latency.api(queries.url() + "/api/programmes/%s/dashboard?asOf=2026-11-27",
                        programmes, warmup, sizes.apiRequests(), false));
                pastViews(latency, queries, programmes, warmup);
                latencies("fairness.api", latency.api(queries.url() + "/api/sets/%s/fairness", sets, warmup,
                        sizes.apiRequests(), true));
                latencies("dashboard.raw", latency.rawSql(raw, DashboardLatency.RAW_DASHBOARD, programmes, 1,
                        sizes.rawQueries()));
                latencies("fairness.raw", latency.rawSql(raw, DashboardLatency.RAW_FAIRNESS, sets, 1,
                        sizes.rawQueries()));
            }
            RawEventTable.indexByProgrammeAndSet(raw);
            for (int run = 1; run <= runs; run++) {
                latencies("dashboard.raw-indexed", latency.rawSql(raw, DashboardLatency.RAW_DASHBOARD, programmes,
                        2, sizes.apiRequests()));
                latencies("fairness.raw-indexed", latency.rawSql(raw, DashboardLatency.RAW_FAIRNESS, sets, 2,
                        sizes.apiRequests()));
            }
            for (int run = 2; run <= runs; run++) {
                results.add("rebuild.seconds", rebuild(queries));
            }
        } finally {
            memory(queries.stop(), "query");
        }
    }

    /**
     * The dashboard in past views, beside today's ({@code dashboard.api}, as of 2026-11-27): as of a date a year
     * back (before the data set begins), as of a date inside it (2026-04-01, half its meetings), as recorded by an
     * instant after every event was stored (the path of a knowledge cut, which recomputes each meeting's figures
     * from the dated rows, with today's figures), and "what changed" between two instants (the dashboard page's
     * "since the last report": two dashboards on that path and the records stored in between).
     */
    private void pastViews(DashboardLatency latency, ServiceJvm queries, List<UUID> programmes, int warmup) {
        String dashboard = queries.url() + "/api/programmes/%s/dashboard";
        latencies("dashboard.api-year-back", latency.api(dashboard + "?asOf=2025-11-27", programmes, warmup,
                sizes.apiRequests(), false));
        latencies("dashboard.api-mid-data", latency.api(dashboard + "?asOf=2026-04-01", programmes, warmup,
                sizes.apiRequests(), false));
        latencies("dashboard.api-recorded-by", latency.api(dashboard + "?asOf=2026-11-27&recordedBy="
                + DataSet.AFTER_EVERY_EVENT, programmes, warmup, sizes.apiRequests(), false));
        latencies("dashboard.changes", latency.api(queries.url() + "/api/programmes/%s/changes?asOf=2026-11-27"
                + "&from=" + DataSet.FIRST_EVENT + "&to=" + DataSet.AFTER_EVERY_EVENT, programmes, warmup,
                sizes.apiRequests(), false));
    }

    /**
     * With {@code -Dbench.hold=FILE}: writes FILE naming the query service's URL and waits until FILE is deleted, so
     * the projected data set can be explored (EXPLAIN, profiles) before the measurements.
     */
    private static void holdForInspection(ServiceJvm queries) throws IOException {
        String hold = System.getProperty("bench.hold");
        if (hold == null) {
            return;
        }
        Path file = Path.of(hold);
        Files.writeString(file, queries.url() + "\n");
        System.out.println(" holding: query service at " + queries.url() + "; delete " + file + " to go on");
        while (Files.exists(file)) {
            Stopwatch.sleep(1000);
        }
    }

    /** Wall time of {@code POST /api/admin/rebuild} until its status says DONE. */
    private double rebuild(ServiceJvm queries) {
        Stopwatch watch = Stopwatch.start();
        BenchHttp.Answer started = http.postJson(queries.url() + "/api/admin/rebuild", "{}");
        if (!started.ok()) {
            throw new IllegalStateException("rebuild refused: " + started.status() + " " + started.body());
        }
        while (!http.get(queries.url() + "/api/admin/rebuild").body().contains("\"DONE\"")) {
            Stopwatch.sleep(250);
        }
        return watch.seconds();
    }

    private void latencies(String figure, Latencies latencies) {
        results.add(figure + ".p50", latencies.percentileMillis(50));
        results.add(figure + ".p99", latencies.percentileMillis(99));
    }

    private long generate(BenchInfrastructure infrastructure, String topic, DataSet dataSet,
                          Consumer<EventEnvelope> alsoTo) {
        infrastructure.createTopic(topic);
        Stopwatch watch = Stopwatch.start();
        long events;
        try (TopicWriter writer = new TopicWriter(infrastructure.bootstrapServers(), topic)) {
            events = dataSet.emit(alsoTo == null ? writer : writer.andThen(alsoTo));
        }
        System.out.printf(" generated %,d events onto %s in %.0f s: %s%n", events, topic, watch.seconds(),
                dataSet.describe());
        return events;
    }

    private static void record(Results into, String figure, ClosedLoop.Result result) {
        into.add(figure + ".rate", result.perSecond());
        into.add(figure + ".p50", result.latencies().percentileMillis(50));
        into.add(figure + ".p99", result.latencies().percentileMillis(99));
    }

    private void memory(ServiceJvm.Memory used, String service) {
        results.add("memory." + service + ".heap", used.peakHeapMiB());
        results.add("memory." + service + ".rss", used.peakRssMiB());
    }

    private QueryServices queryServices(BenchInfrastructure infrastructure) {
        return new QueryServices(infrastructure, jar("query-service"), LOGS, http, serviceJvmOptions);
    }

    private Path jar(String module) {
        Path target = root.resolve(module).resolve("target");
        try (var jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list " + target, e);
        }
        throw new IllegalStateException("no executable jar in " + target + ": build first (./bench.sh does)");
    }

    private static void phase(String name) {
        System.out.println();
        System.out.println("== " + name);
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? arguments.get(at + 1) : fallback;
    }
}
