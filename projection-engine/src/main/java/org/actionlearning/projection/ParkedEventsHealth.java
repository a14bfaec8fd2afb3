package org.actionlearning.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Aggregates whose events wait for a missing sequence: a gauge ({@code als_projection_parked_aggregates}) and the
 * actuator component "parkedEvents", WARNING while one has waited longer than
 * {@code als.projection.health.parked-warning-after}. A warning, not DOWN: the instance still answers, and the wait
 * usually ends by itself when the late event arrives; it is not in the readiness group.
 */
@Component("parkedEventsHealthIndicator")
public class ParkedEventsHealth extends AbstractHealthIndicator {

    /** Worse than UP, better than DOWN; ordered in {@code management.endpoint.health.status.order}. */
    public static final Status WARNING = new Status("WARNING");

    private final ParkedEvents parked;
    private final ProjectionHealthProperties properties;
    private final Clock clock = Clock.systemUTC();

    public ParkedEventsHealth(ParkedEvents parked, ProjectionHealthProperties properties, MeterRegistry registry) {
        super("parked events could not be read");
        this.parked = parked;
        this.properties = properties;
        Gauge.builder("als.projection.parked.aggregates", parked, ParkedEvents::aggregatesWaiting)
                .description("aggregates whose events wait for a missing earlier sequence").register(registry);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<ParkedEvents.Waiting> waiting = parked.waiting();
        Instant now = Instant.now(clock);
        List<ParkedEvents.Waiting> tooLong = waiting.stream()
                .filter(w -> Duration.between(w.since(), now).compareTo(properties.parkedWarningAfter()) > 0)
                .toList();
        builder.status(tooLong.isEmpty() ? Status.UP : WARNING)
                .withDetail("waitingAggregates", waiting.size());
        if (!tooLong.isEmpty()) {
            builder.withDetail("waitingLongerThan", properties.parkedWarningAfter().toString())
                    .withDetail("longestWaiting", tooLong.stream().limit(10).map(w -> w.aggregateId()
                            + ": " + w.events() + " event(s) from sequence " + w.firstWaitingSequence()
                            + " wait for an earlier one since " + w.since()).toList());
        }
    }
}
