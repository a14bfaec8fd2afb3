package org.actionlearning.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used so far by a process, by a process and its children (PostgreSQL's backends), or by some of a process's
 * threads (a JVM's JIT compilers), from /proc.
 */
public final class ProcessCpu {

    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** User and system CPU seconds of one process; NaN once it is gone. */
    public static double seconds(long pid) {
        String[] fields = stat(pid);
        return fields == null ? Double.NaN : userAndSystemSeconds(fields);
    }

    private static double userAndSystemSeconds(String[] fields) {
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
    }

    /**
     * CPU seconds of a process and every process under it: the live ones, and those that exited (a backend whose
     * connection a pool retired), whose time the kernel adds to the parent that waited for them.
     */
    public static double treeSeconds(long root) {
        String[] rootFields = stat(root);
        if (rootFields == null) {
            return Double.NaN;
        }
        double exited = (Long.parseLong(rootFields[13]) + Long.parseLong(rootFields[14])) / CLOCK_TICKS_PER_SECOND;
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return exited + entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong).filter(pid -> pid == root || descendsFrom(pid, root))
                    .mapToDouble(ProcessCpu::seconds).filter(s -> !Double.isNaN(s)).sum();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds of the live threads of a process whose names start with one of {@code prefixes} (the kernel's
     * 15-character thread names: a JVM's "C2 CompilerThre", "GC Thread#0", "G1 Conc#0"); NaN once the process is gone.
     * A thread that ended takes its time with it (a JVM may stop idle compiler threads on a machine with many cores;
     * here each JVM has one C1 and one C2 thread, which it keeps).
     */
    public static double threadSeconds(long pid, List<String> prefixes) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.map(thread -> thread.resolve("stat")).mapToDouble(stat -> {
                String line = read(stat);
                if (line == null) {
                    return 0; // the thread ended
                }
                String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                return prefixes.stream().anyMatch(name::startsWith) ? userAndSystemSeconds(fields(line)) : 0;
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN;
        }
    }

    private static boolean descendsFrom(long pid, long root) {
        for (long current = pid; current > 1; ) {
            String[] fields = stat(current);
            if (fields == null) {
                return false;
            }
            current = Long.parseLong(fields[1]);
            if (current == root) {
                return true;
            }
        }
        return false;
    }

    /** The fields of /proc/pid/stat after the command name (state [0], parent [1], utime [11], stime [12],
     * the exited children's cutime [13] and cstime [14]). */
    private static String[] stat(long pid) {
        String line = read(Path.of("/proc", Long.toString(pid), "stat"));
        return line == null ? null : fields(line);
    }

    private static String[] fields(String statLine) {
        return statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
    }

    private static String read(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
