package org.actionlearning.benchmark;

/**
 * What the machine spent on a measured step, from the moment {@link #start} was called: CPU by process
 * ({@link CpuSplit}) and PostgreSQL's transactions and WAL flushes. One place takes both snapshots, so that every
 * step's figures per command are taken the same way.
 */
final class Usage {

    private final ServiceJvm commands;
    private final ServiceJvm queries;
    private final BenchInfrastructure infrastructure;
    private final CpuSplit cpuAtStart;
    private final BenchInfrastructure.PostgresWork postgresAtStart;

    private Usage(ServiceJvm commands, ServiceJvm queries, BenchInfrastructure infrastructure) {
        this.commands = commands;
        this.queries = queries;
        this.infrastructure = infrastructure;
        this.cpuAtStart = CpuSplit.now(commands, queries, infrastructure);
        this.postgresAtStart = infrastructure.postgresWork();
    }

    static Usage start(ServiceJvm commands, ServiceJvm queries, BenchInfrastructure infrastructure) {
        return new Usage(commands, queries, infrastructure);
    }

    /**
     * Records, per operation since the start, the CPU milliseconds of each process ({@code figure + ".cpu-ms."} and
     * the process) and PostgreSQL's transactions and WAL flushes; returns the CPU used, for figures of its own.
     */
    CpuSplit recordPer(double operations, Results into, String figure) {
        CpuSplit used = CpuSplit.now(commands, queries, infrastructure).minus(cpuAtStart);
        used.perCommand(operations).forEach((process, ms) -> into.add(figure + ".cpu-ms." + process, ms));
        infrastructure.postgresWork().perCommand(postgresAtStart, operations, into, figure);
        return used;
    }
}
