package org.actionlearning.benchmark;

import org.actionlearning.testsupport.TestIdentity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

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
     * half alone (each JVM's JIT has compiled the projection by then, so it is the rate the group keeps up).
     */
    public record Projected(int instances, long events, double seconds, long secondHalfEvents,
                            double secondHalfSeconds) {
        public double perSecond() {
            return events / seconds;
        }

        public double secondHalfPerSecond() {
            return secondHalfEvents / secondHalfSeconds;
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

    /**
     * Projects the whole topic ({@code events} records) with {@code instances} instances into a fresh database; each
     * instance limited to {@code coresEach} cores of CPU time ({@link CpuBudget}), or unlimited if 0.
     */
    public Projected project(String topic, long events, int instances, String database, double coresEach)
            throws Exception {
        infrastructure.createDatabase(database);
        List<ServiceJvm> group = new ArrayList<>();
        List<CpuBudget> budgets = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            ServiceJvm instance = launch(database + "-" + (i + 1), topic, database, database);
            group.add(instance);
            if (coresEach > 0) {
                budgets.add(CpuBudget.limit(instance.pid(), coresEach, instance.name()));
            }
        }
        group.forEach(ServiceJvm::awaitReady);
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
            printCpuPerEvent(instances, cpuAtFirst, cpuSeconds(group), events - first);
            return new Projected(instances, events - first, seconds, events - doneAtHalf, seconds - secondsAtHalf);
        } finally {
            group.forEach(service -> memory.add(service.stop()));
            budgets.forEach(CpuBudget::close);
        }
    }

    /** CPU seconds so far of PostgreSQL, of the instances together and of the broker. */
    private record Cpu(double postgres, double instances, double broker) {
    }

    private Cpu cpuSeconds(List<ServiceJvm> group) {
        return new Cpu(infrastructure.postgresCpuSeconds(), group.stream().mapToDouble(ServiceJvm::cpuSeconds).sum(),
                infrastructure.brokerCpuSeconds());
    }

    /**
     * Where the CPU went per projected event: less sensitive than events/s to what else runs on a shared machine,
     * so changes to the projection can be compared across runs.
     */
    private static void printCpuPerEvent(int instances, Cpu before, Cpu after, long events) {
        System.out.printf("  projection, %d instance(s): CPU per event %.1f µs PostgreSQL, %.1f µs query service, "
                        + "%.1f µs Kafka broker%n", instances, (after.postgres() - before.postgres()) * 1e6 / events,
                (after.instances() - before.instances()) * 1e6 / events,
                (after.broker() - before.broker()) * 1e6 / events);
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
