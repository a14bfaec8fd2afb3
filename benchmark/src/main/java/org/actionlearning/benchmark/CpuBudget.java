package org.actionlearning.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A share of the machine's CPU time for one process, enforced by the kernel as a cgroup's CPU quota. With it the
 * benchmark measures scale-out on one machine: query instances that each bring their own CPU time, standing in for
 * instances on hosts of their own, with PostgreSQL and the broker sharing what is left (on two shared cores a second
 * instance without a budget only divides what one instance already uses). The process is moved into its group once
 * started, so the JVM has sized its threads and collector for the whole machine, as in the runs without a budget.
 * Needs write access to a cgroup file system with the CPU controller, v1 ({@code /sys/fs/cgroup/cpu}) or v2 (as
 * root, usually); {@link #supported()} says whether this machine has one.
 */
final class CpuBudget implements AutoCloseable {

    private static final long PERIOD_MICROS = 100_000;
    private static final Path V1 = Path.of("/sys/fs/cgroup/cpu");
    private static final Path V2 = Path.of("/sys/fs/cgroup");

    private final Path group;

    private CpuBudget(Path group) {
        this.group = group;
    }

    /** Whether a CPU quota can be set here (a writable cgroup hierarchy with the CPU controller). */
    static boolean supported() {
        return hierarchy().isPresent();
    }

    /** Puts process {@code pid}, all its threads, in a group of its own limited to {@code cores} cores. */
    static CpuBudget limit(long pid, double cores, String name) {
        Path root = hierarchy().orElseThrow(() -> new IllegalStateException("no writable cgroup CPU controller"));
        CpuBudget budget = new CpuBudget(root.resolve("als-bench-" + name + "-" + pid));
        long quota = Math.round(cores * PERIOD_MICROS);
        try {
            Files.createDirectories(budget.group);
            if (root.equals(V1)) {
                Files.writeString(budget.group.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
                Files.writeString(budget.group.resolve("cpu.cfs_quota_us"), Long.toString(quota));
            } else {
                Files.writeString(budget.group.resolve("cpu.max"), quota + " " + PERIOD_MICROS);
            }
            Files.writeString(budget.group.resolve("cgroup.procs"), Long.toString(pid)); // moves every thread of it
            return budget;
        } catch (IOException e) {
            budget.close();
            throw new UncheckedIOException("cannot limit process " + pid + " to " + cores + " cores", e);
        }
    }

    private static Optional<Path> hierarchy() {
        if (Files.exists(V1.resolve("cpu.cfs_quota_us")) && Files.isWritable(V1)) {
            return Optional.of(V1);
        }
        try {
            Path controllers = V2.resolve("cgroup.subtree_control"); // the controllers its child groups have
            if (Files.isWritable(V2) && Files.exists(controllers)
                    && List.of(Files.readString(controllers).trim().split("\\s+")).contains("cpu")) {
                return Optional.of(V2);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Removes the group once its process has ended (the kernel refuses while a process is in it). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(group);
        } catch (IOException stillInUse) {
            System.out.println("  (cgroup " + group + " not removed: " + stillInUse.getMessage() + ")");
        }
    }
}
