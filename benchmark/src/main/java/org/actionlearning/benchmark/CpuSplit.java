package org.actionlearning.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU seconds used so far by each process of a measurement: the command service, the query service, PostgreSQL,
 * the Kafka broker and the benchmark's own JVM (the HTTP client and its topic consumer). On two shared cores the
 * sum of these per command is what bounds the command rate.
 */
public record CpuSplit(double commandService, double queryService, double postgres, double broker,
                       double benchmarkJvm) {

    public static CpuSplit now(ServiceJvm commands, ServiceJvm queries, BenchInfrastructure infrastructure) {
        return new CpuSplit(commands.cpuSeconds(), queries.cpuSeconds(), infrastructure.postgresCpuSeconds(),
                infrastructure.brokerCpuSeconds(), ProcessCpu.seconds(ProcessHandle.current().pid()));
    }

    public CpuSplit minus(CpuSplit earlier) {
        return new CpuSplit(commandService - earlier.commandService, queryService - earlier.queryService,
                postgres - earlier.postgres, broker - earlier.broker, benchmarkJvm - earlier.benchmarkJvm);
    }

    /** CPU seconds of all the processes together. */
    public double total() {
        return commandService + queryService + postgres + broker + benchmarkJvm;
    }

    /** Milliseconds of CPU per command, by process, plus the two services together. */
    public Map<String, Double> perCommand(double commands) {
        Map<String, Double> ms = new LinkedHashMap<>();
        ms.put("command", 1000 * commandService / commands);
        ms.put("query", 1000 * queryService / commands);
        ms.put("postgres", 1000 * postgres / commands);
        ms.put("broker", 1000 * broker / commands);
        ms.put("bench", 1000 * benchmarkJvm / commands);
        ms.put("services", 1000 * (commandService + queryService) / commands);
        return ms;
    }
}
