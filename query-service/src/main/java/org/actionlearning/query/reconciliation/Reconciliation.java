package org.actionlearning.query.reconciliation;

import static org.actionlearning.query.jooq.Tables.AGGREGATE_POSITION;
import static org.actionlearning.query.jooq.Tables.PARKED_EVENT;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Compares, per aggregate, the last sequence stored and published (the command service) with the last applied to the
 * read models here ({@code aggregate_position}) and the events parked waiting for a gap. An aggregate whose applied
 * sequence is below its stored one is behind: reported with the three numbers and since when this instance has seen
 * it behind. This catches a loss wherever it happened: an event never published (published below stored), or
 * published but never applied (applied below published).
 */
@Component
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final CommandPositions command;
    private final DSLContext db;
    private final ReconciliationProperties properties;
    private final Clock clock = Clock.systemUTC();
    /** Aggregates behind at the last check, and since when they have been seen behind. */
    private final Map<String, Instant> behindSince = new ConcurrentHashMap<>();
    private final AtomicReference<Report> last = new AtomicReference<>();

    public Reconciliation(CommandPositions command, DSLContext db, ReconciliationProperties properties,
                          MeterRegistry registry) {
        this.command = command;
        this.db = db;
        this.properties = properties;
        Gauge.builder("als.reconciliation.mismatches", last, r -> r.get() == null ? 0 : r.get().mismatches().size())
                .description("aggregates whose applied sequence differs from the stored or published one")
                .register(registry);
    }

    /** One aggregate that is not where the command service says it should be. */
    public record Mismatch(String aggregateId, String aggregateType, long stored, long published, long applied,
                           int waitingEvents, Instant behindSince, String stoppedAt) {
    }

    /**
     * A check's outcome; {@code error} says why it could not compare (then the mismatches are those of the last
     * check that could).
     */
    public record Report(Instant checkedAt, int aggregatesChecked, List<Mismatch> mismatches, String error) {
    }

    /** The last check, or null if none ran. */
    public Report last() {
        return last.get();
    }

    /** Compares every aggregate the command service knows, page by page. */
    public synchronized Report check() {
        Instant now = Instant.now(clock);
        List<Mismatch> mismatches = new ArrayList<>();
        int checked = 0;
        try {
            String after = null;
            do {
                CommandPositions.Page page = command.page(after, properties.pageSize());
                checked += page.positions().size();
                mismatches.addAll(compare(page.positions(), now));
                after = page.next();
            } while (after != null);
        } catch (RestClientException e) {
            log.warn("Reconciliation could not read the command service's positions: {}", e.toString());
            Report previous = last.get();
            Report failed = new Report(now, 0, previous == null ? List.of() : previous.mismatches(),
                    "command service positions unavailable: " + e.getClass().getSimpleName());
            last.set(failed);
            return failed;
        }
        Set<String> stillBehind = new java.util.HashSet<>();
        mismatches.forEach(m -> stillBehind.add(m.aggregateId()));
        behindSince.keySet().retainAll(stillBehind);
        if (!mismatches.isEmpty()) {
            log.warn("Reconciliation: {} of {} aggregates not where the command service has them, e.g. {}",
                    mismatches.size(), checked, mismatches.get(0));
        }
        Report report = new Report(now, checked, List.copyOf(mismatches), null);
        last.set(report);
        return report;
    }

    private List<Mismatch> compare(List<CommandPositions.Position> positions, Instant now) {
        if (positions.isEmpty()) {
            return List.of();
        }
        String[] ids = positions.stream().map(CommandPositions.Position::aggregateId).toArray(String[]::new);
        Map<String, Long> applied = new HashMap<>();
        db.select(AGGREGATE_POSITION.AGGREGATE_ID, AGGREGATE_POSITION.LAST_SEQUENCE).from(AGGREGATE_POSITION)
                .where(AGGREGATE_POSITION.AGGREGATE_ID.eq(DSL.any(ids)))
                .forEach(r -> applied.put(r.value1(), r.value2()));
        Map<String, Integer> waiting = new HashMap<>();
        db.select(PARKED_EVENT.AGGREGATE_ID, DSL.count()).from(PARKED_EVENT)
                .where(PARKED_EVENT.AGGREGATE_ID.eq(DSL.any(ids))).groupBy(PARKED_EVENT.AGGREGATE_ID)
                .forEach(r -> waiting.put(r.value1(), r.value2()));
        List<Mismatch> mismatches = new ArrayList<>();
        for (CommandPositions.Position position : positions) {
            long last = applied.getOrDefault(position.aggregateId(), -1L);
            if (last == position.stored() && position.published() == position.stored()) {
                continue;
            }
            Instant since = behindSince.computeIfAbsent(position.aggregateId(), id -> now);
            mismatches.add(new Mismatch(position.aggregateId(), position.aggregateType(), position.stored(),
                    position.published(), last, waiting.getOrDefault(position.aggregateId(), 0), since,
                    stoppedAt(position, last)));
        }
        return mismatches;
    }

    /** Where the aggregate's events stopped, in words (sequences count from 0). */
    private static String stoppedAt(CommandPositions.Position position, long applied) {
        if (position.published() < position.stored()) {
            return "published up to sequence %d of %d stored; applied up to %d"
                    .formatted(position.published(), position.stored(), applied);
        }
        if (applied < position.stored()) {
            return "applied up to sequence %d of %d stored and published".formatted(applied, position.stored());
        }
        return "applied up to sequence %d, past the %d stored".formatted(applied, position.stored());
    }

    /** The mismatches behind for longer than {@code als.reconciliation.behind-after}. */
    public List<Mismatch> behindTooLong() {
        Report report = last.get();
        if (report == null) {
            return List.of();
        }
        Instant limit = Instant.now(clock).minus(properties.behindAfter());
        return report.mismatches().stream().filter(m -> m.behindSince().isBefore(limit)).toList();
    }
}
