package org.actionlearning.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU time used so far by a process, or by a process and its children (PostgreSQL's backends), from /proc. */
public final class ProcessCpu {

    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** User and system CPU seconds of one process; NaN once it is gone. */
    public static double seconds(long pid) {
        String[] fields = stat(pid);
        return fields == null ? Double.NaN
                : (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
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
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
