package org.actionlearning.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every value measured, by figure, one per run; a figure's headline is the median of its runs. */
public final class Results {

    private final Map<String, List<Double>> values = new LinkedHashMap<>();

    public synchronized void add(String figure, double value) {
        values.computeIfAbsent(figure, f -> new ArrayList<>()).add(value);
        System.out.printf("  %-40s %,14.2f%n", figure, value);
    }

    public synchronized double median(String figure) {
        List<Double> runs = values.getOrDefault(figure, List.of()).stream().sorted().toList();
        if (runs.isEmpty()) {
            return Double.NaN;
        }
        int middle = runs.size() / 2;
        return runs.size() % 2 == 1 ? runs.get(middle) : (runs.get(middle - 1) + runs.get(middle)) / 2;
    }

    /** The value of a figure in run {@code run} (from 1). */
    public synchronized double runValue(String figure, int run) {
        List<Double> runs = values.getOrDefault(figure, List.of());
        return run <= runs.size() ? runs.get(run - 1) : Double.NaN;
    }

    public synchronized boolean has(String figure) {
        return values.containsKey(figure);
    }

    public synchronized double max(String figure) {
        return values.getOrDefault(figure, List.of()).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** The values of each run, for the record ("1,234 / 1,301 / 1,277"). */
    public synchronized String runs(String figure) {
        return values.getOrDefault(figure, List.of()).stream().map(Results::format)
                .collect(Collectors.joining(" / "));
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        // two decimals under 1 (0.52 ms of CPU per command, 0.31 ms per JDBC row), whole numbers from 100
        return Math.abs(value) >= 100 ? "%,.0f".formatted(value)
                : Math.abs(value) >= 1 || value == 0 ? "%,.1f".formatted(value) : "%.2f".formatted(value);
    }
}
