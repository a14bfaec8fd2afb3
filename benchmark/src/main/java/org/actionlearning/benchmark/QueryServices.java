package org.actionlearning.benchmark;

import org.actionlearning.testsupport.TestIdentity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Starts query-service instances (own JVMs, one consumer group, one database) on a topic, and measures how fast
 * they project it: from the first committed batch to the last offset, read from the offsets the projection stores
 * with each batch.
 */
public final class QueryServices {

    private final BenchInfrastructure infrastructure;
    private final Path jar;
    private final Path logs;
    private final BenchHttp http;
    private final List<String> jvmOptions;
    private final List<ServiceJvm.Memory> memory = new ArrayList<>();

    public QueryServices(BenchInfrastructure infrastructure, Path jar, Path logs, BenchHttp http,
                         List<String> jvmOptions) {
        this.infrastructure = infrastructure;
        this.jar = jar;
        this.logs = logs;
        this.http = http;
        this.jvmOptions = jvmOptions;
    }

    /**
     * What a group of instances did: events per second over the projection of the whole topic, and over its second
     * half alone (each JVM's JIT has compiled the projection by then, so it is the rate the group keeps up), and the
     * CPU each projected event cost, by process ({@link CpuPerEvent}).
     */
    public record Projected(int instances, long events, double seconds, long secondHalfEvents,
                            double secondHalfSeconds, CpuPerEvent cpu) {
        public double perSecond() {
            return events / seconds;
        }

        public double secondHalfPerSecond() {
            return secondHalfEvents / secondHalfSeconds;
        }
    }

    /**
     * Microseconds of CPU per projected event: PostgreSQL's, the instances' together, and of those the instances'
     * JIT compiler and garbage collector threads (each JVM runs its own), and the broker's.
     */
    public record CpuPerEvent(double postgres, double instances, double instancesJit, double instancesGc,
                              double broker) {
        public Map<String, Double> byName() {
            Map<String, Double> micros = new LinkedHashMap<>();
            micros.put("postgres", postgres);
            micros.put("query", instances);
            micros.put("query-jit", instancesJit);
            micros.put("query-gc", instancesGc);
            micros.put("broker", broker);
            return micros;
        }
    }

    /** Starts one instance on a topic and database (the database must exist), without waiting for it. */
    public ServiceJvm launch(String name, String topic, String database, String groupId) {
        return ServiceJvm.launch(name, jar, ServiceJvm.freePort(), jvmOptions, TestIdentity.listWith(
                "--spring.datasource.url=" + infrastructure.jdbcUrl(database),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--als.projection.bootstrap-servers=" + infrastructure.bootstrapServers(),
                "--als.projection.topic=" + topic,
                "--als.projection.group-id=" + groupId), logs, http);
    }

    /** Projects the whole topic ({@code events} records) with {@code instances} instances into a fresh database. */
    public Projected project(String topic, long events, int instances, String database) throws Exception {
        return project(topic, events, instances, database, OptionalDouble.empty());
    }

    /** The same, each instance limited to {@code coresEach} cores of CPU time ({@link CpuBudget}). */
    public Projected projectWithBudget(String topic, long events, int instances, String database, double coresEach)
            throws Exception {
        return project(topic, events, instances, database, OptionalDouble.of(coresEach));
    }

    private Projected project(String topic, long events, int instances, String database, OptionalDouble coresEach)
            throws Exception {
        infrastructure.createDatabase(database);
        List<ServiceJvm> group = new ArrayList<>();
        List<CpuBudget> budgets = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                ServiceJvm instance = launch(database + "-" + (i + 1), topic, database, database);
                group.add(instance);
                if (coresEach.isPresent()) {
                    budgets.add(CpuBudget.limit(instance.pid(), coresEach.getAsDouble(), instance.name()));
                }
            }
            group.forEach(ServiceJvm::awaitReady);
            return measure(group, database, events);
        } finally {
            group.forEach(service -> memory.add(service.stop()));
            budgets.forEach(CpuBudget::close);
        }
    }

    private Projected measure(List<ServiceJvm> group, String database, long events) throws Exception {
        try (Connection connection = infrastructure.connect(database)) {
            long first = 0;
            Stopwatch watch = null;
            Cpu cpuAtFirst = null;
            long doneAtHalf = -1;
            double secondsAtHalf = 0;
            long done = 0;
            while (done < events) {
                done = committedOffsets(connection);
                if (watch == null && done > 0) {
                    watch = Stopwatch.start();
                    first = done;
                    cpuAtFirst = cpuSeconds(group);
                }
                if (doneAtHalf < 0 && done >= events / 2) {
                    doneAtHalf = done;
                    secondsAtHalf = watch.seconds();
                }
                Stopwatch.sleep(100);
            }
            double seconds = watch.seconds();
            CpuPerEvent cpu = cpuSeconds(group).minus(cpuAtFirst).perEvent(events - first);
            return new Projected(group.size(), events - first, seconds, events - doneAtHalf,
                    seconds - secondsAtHalf, cpu);
        }
    }

    /** CPU seconds so far, by process, as {@link CpuPerEvent} splits it. */
    private record Cpu(double postgres, double instances, double instancesJit, double instancesGc, double broker) {
        Cpu minus(Cpu earlier) {
            return new Cpu(postgres - earlier.postgres, instances - earlier.instances,
                    instancesJit - earlier.instancesJit, instancesGc - earlier.instancesGc, broker - earlier.broker);
        }

        CpuPerEvent perEvent(long events) {
            return new CpuPerEvent(postgres * 1e6 / events, instances * 1e6 / events, instancesJit * 1e6 / events,
                    instancesGc * 1e6 / events, broker * 1e6 / events);
        }
    }

    private Cpu cpuSeconds(List<ServiceJvm> group) {
        return new Cpu(infrastructure.postgresCpuSeconds(), group.stream().mapToDouble(ServiceJvm::cpuSeconds).sum(),
                group.stream().mapToDouble(ServiceJvm::jitCpuSeconds).sum(),
                group.stream().mapToDouble(ServiceJvm::gcCpuSeconds).sum(), infrastructure.brokerCpuSeconds());
    }

    /** The offsets committed with the read models: how many records are projected. */
    public static long committedOffsets(Connection connection) throws Exception {
        try (ResultSet rows = connection.createStatement().executeQuery(
                "select coalesce(sum(next_offset), 0) from consumer_offset")) {
            rows.next();
            return rows.getLong(1);
        } catch (org.postgresql.util.PSQLException notYetMigrated) {
            return 0;
        }
    }

    public void record(ServiceJvm.Memory used) {
        memory.add(used);
    }

    public List<ServiceJvm.Memory> memory() {
        return memory;
    }
}
