package org.actionlearning.benchmark;

/**
 * How big and how long each measurement is. {@link #full()} gives the published figures (1 million events for
 * projection, 5 million for dashboards and rebuild); {@link #quick()} the same steps in a few minutes.
 */
public record BenchSizes(String name, double ingestWarmup, double ingestSeconds, double endToEndWarmup,
                         double endToEndSeconds, int projectionProgrammes, int projectionEventsPerSet, int naiveEvents,
                         int dashboardProgrammes, int setsPerProgramme, int eventsPerSet, int apiRequests,
                         int rawQueries) {

    public static BenchSizes full() {
        return new BenchSizes("full", 2, 8, 10, 30, 200, 500, 50_000, 1_000, 10, 500, 400, 20);
    }

    /**
     * The sizes that fit a shared, busy 2-core machine in under an hour: half a million events for projection, and
     * the full 1,000 programmes and 10,000 sets with 100 events per set (1 million) for dashboards and rebuild.
     */
    public static BenchSizes reduced() {
        return new BenchSizes("reduced", 2, 8, 10, 30, 100, 500, 20_000, 1_000, 10, 100, 300, 20);
    }

    public static BenchSizes quick() {
        return new BenchSizes("quick", 1, 3, 2, 5, 20, 500, 5_000, 50, 10, 500, 100, 10);
    }
}
