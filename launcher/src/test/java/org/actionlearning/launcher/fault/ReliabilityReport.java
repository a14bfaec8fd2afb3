package org.actionlearning.launcher.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The figures of a fault run: one line per injected fault, and the totals (for the README's "Reliability"). */
final class ReliabilityReport {

    record Round(String fault, int repetition, String what, int tried, int acknowledged, int acknowledgedOnRetry,
                 int notSent, int rejected, int lost, int duplicates, boolean checksumEqual, Duration catchUp,
                 Duration rebuild, Duration total, boolean survived) {
    }

    private final List<Round> rounds = new ArrayList<>();
    private final long started = System.nanoTime();
    private long topicRecords = -1;
    private long topicDuplicates = -1;

    synchronized void add(Round round) {
        rounds.add(round);
    }

    synchronized void topic(long records, long duplicates) {
        topicRecords = records;
        topicDuplicates = duplicates;
    }

    synchronized String render() {
        StringBuilder out = new StringBuilder();
        out.append("\n=== Fault injection: one line per fault ===\n");
        out.append(String.format("%-28s %3s  %-96s %6s %6s %6s %5s %4s %4s %4s %8s %7s %7s %s%n", "fault", "#",
                "what", "tried", "2xx", "retry", "down", "4xx", "lost", "dup", "checksum", "catchup", "rebuild",
                "round"));
        for (Round r : rounds) {
            out.append(String.format("%-28s %3d  %-96s %6d %6d %6d %5d %4d %4d %4d %8s %6.1fs %6.1fs %5.1fs%s%n",
                    r.fault(), r.repetition(), clip(r.what(), 96), r.tried(), r.acknowledged(),
                    r.acknowledgedOnRetry(), r.notSent(), r.rejected(), r.lost(), r.duplicates(),
                    r.checksumEqual() ? "equal" : "DIFFERS", seconds(r.catchUp()), seconds(r.rebuild()),
                    seconds(r.total()), r.survived() ? "" : "  FAILED"));
        }
        int injected = rounds.size();
        long survived = rounds.stream().filter(Round::survived).count();
        int tried = rounds.stream().mapToInt(Round::tried).sum();
        int acknowledged = rounds.stream().mapToInt(r -> r.acknowledged() + r.acknowledgedOnRetry()).sum();
        int onRetry = rounds.stream().mapToInt(Round::acknowledgedOnRetry).sum();
        int notSent = rounds.stream().mapToInt(Round::notSent).sum();
        int lost = rounds.stream().mapToInt(Round::lost).sum();
        int duplicates = rounds.stream().mapToInt(Round::duplicates).sum();
        out.append("\n=== Reliability ===\n");
        out.append("| figure | value |\n|---|---|\n");
        out.append(String.format("| faults injected / survived | %d / %d |%n", injected, survived));
        out.append(String.format("| commands tried | %d |%n", tried));
        out.append(String.format("| commands acknowledged (2xx) | %d (%d of them on a retry with the same"
                + " Idempotency-Key after the answer was lost) |%n", acknowledged, onRetry));
        out.append(String.format("| commands refused while the service was down (no connection) | %d |%n", notSent));
        out.append(String.format("| events lost | %d |%n", lost));
        out.append(String.format("| duplicate effects in the read models | %d |%n", duplicates));
        if (topicRecords >= 0) {
            out.append(String.format("| records on the topic / duplicates among them (at-least-once, skipped) |"
                    + " %d / %d |%n", topicRecords, topicDuplicates));
        }
        out.append(String.format("| read models equal to a clean rebuild | %d of %d checks |%n",
                rounds.stream().filter(Round::checksumEqual).count(), injected));
        out.append(String.format("| run time | %.0f s |%n", seconds(Duration.ofNanos(System.nanoTime() - started))));
        return out.toString();
    }

    private static double seconds(Duration d) {
        return d == null ? 0 : d.toMillis() / 1000.0;
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
