package org.actionlearning.command.eventstore;

import static org.axonframework.common.jdbc.JdbcUtils.executeQuery;
import static org.axonframework.common.jdbc.JdbcUtils.nextAndExtract;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Axon's JDBC engine with fewer queries at the head of the stream, where the relay reads: the event store's shared
 * producer wakes after every local commit and read until a query came back empty, each query in a transaction of its
 * own, and each empty one followed by a second query for the next position beyond a gap wider than a batch
 * (pg_stat_statements at 150 commands/s: 1.2 event queries and 0.9 of those gap queries per command, more queries
 * than the command itself made).
 * <ul>
 *   <li>A stream that may block (the shared producer's) ends after a batch shorter than the batch size. Nothing is
 *       skipped: the producer reads again from its newest event right away whenever a read found any.</li>
 *   <li>That read again is skipped when it cannot find anything: no append of this engine committed since the last
 *       short read began, none is in flight, and no recheck is due. (An append counts as in flight from its insert
 *       until its unit of work is cleaned up, so a commit is never missed whatever order Axon runs the commit
 *       callbacks in.)</li>
 *   <li>The look past a gap wider than a batch runs on an empty read at most once per {@code recheckInterval}, not on
 *       every one. Such a gap needs a batch's worth of consecutive positions that no event kept (inserts rolled
 *       back).</li>
 * </ul>
 * So once per {@code recheckInterval} at most, with nothing committed here, the head is read and looked past: an event
 * stored by another process, or behind a wide gap, is read up to an interval late (Axon's store waits a second for
 * the former too), never lost: every read starts from the stream's own position.
 * Streams that may not block (a processor catching up on a stream of its own) read as Axon's engine does.
 */
public class HeadOfStreamJdbcEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactionManager;
    private final long recheckIntervalNanos;
    private final LongSupplier nanoClock;
    /** When the last look past a gap ran (System.nanoTime), or an interval before construction. */
    private final AtomicLong lastGapCheck;
    private final AtomicLong appendsCommitted = new AtomicLong();
    private final AtomicLong appendsInFlight = new AtomicLong();
    /** {@link #appendsCommitted} when the last short read of a stream that may block began; -1: none yet. */
    private volatile long committedAtLastShortRead = -1;

    public HeadOfStreamJdbcEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager,
                                  Duration recheckInterval) {
        this(builder, transactionManager, recheckInterval, System::nanoTime);
    }

    HeadOfStreamJdbcEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager,
                           Duration recheckInterval, LongSupplier nanoClock) {
        // the look past a wide gap is done below, throttled, instead of after every empty read
        super(builder.transactionManager(transactionManager).extendedGapCheckEnabled(false));
        this.transactionManager = transactionManager;
        this.recheckIntervalNanos = recheckInterval.toNanos();
        this.nanoClock = nanoClock;
        this.lastGapCheck = new AtomicLong(nanoClock.getAsLong() - recheckIntervalNanos);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        appendsInFlight.incrementAndGet();
        try {
            super.appendEvents(events);
        } catch (RuntimeException | Error e) {
            appendsInFlight.decrementAndGet();
            throw e;
        }
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            unitOfWork.afterCommit(u -> appendsCommitted.incrementAndGet());
            unitOfWork.onCleanup(u -> appendsInFlight.decrementAndGet());
        } else {
            appendsCommitted.incrementAndGet();
            appendsInFlight.decrementAndGet();
        }
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEventData(trackingToken, false);
        }
        if (appendsInFlight.get() == 0 && appendsCommitted.get() == committedAtLastShortRead
                && nanoClock.getAsLong() - lastGapCheck.get() < recheckIntervalNanos) {
            return Stream.empty(); // nothing new can be there: no read
        }
        return StreamSupport.stream(new UntilShortBatch(trackingToken), false);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        List<? extends TrackedEventData<?>> events = super.fetchTrackedEvents(lastToken, batchSize);
        if (!events.isEmpty() || !gapCheckDue()) {
            return events;
        }
        long index = lastToken == null ? -1 : ((GapAwareTrackingToken) lastToken).getIndex();
        Long next = transactionManager.fetchInTransaction(() -> executeQuery(getConnection(),
                connection -> fetchTrackedEvents(connection, index),
                resultSet -> nextAndExtract(resultSet, 1, Long.class),
                e -> new EventStoreException("Failed to read the position after " + index, e)));
        // a read whose window reaches the next stored position, as Axon's own check does
        return next == null ? events : super.fetchTrackedEvents(lastToken, (int) (next - index));
    }

    private boolean gapCheckDue() {
        long now = nanoClock.getAsLong();
        long last = lastGapCheck.get();
        return now - last >= recheckIntervalNanos && lastGapCheck.compareAndSet(last, now);
    }

    /** Reads batch after batch until one is shorter than the batch size (Axon's reads until one is empty). */
    private final class UntilShortBatch extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

        private TrackingToken last;
        private Iterator<? extends TrackedEventData<?>> batch = Collections.emptyIterator();
        private boolean lastBatchRead;

        private UntilShortBatch(TrackingToken from) {
            super(Long.MAX_VALUE, ORDERED | NONNULL | DISTINCT);
            this.last = from;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            if (!batch.hasNext()) {
                if (lastBatchRead) {
                    return false;
                }
                long committedBefore = appendsCommitted.get();
                List<? extends TrackedEventData<?>> read = fetchTrackedEvents(last, batchSize());
                lastBatchRead = read.size() < batchSize();
                if (lastBatchRead) {
                    committedAtLastShortRead = committedBefore;
                }
                batch = read.iterator();
                if (!batch.hasNext()) {
                    return false;
                }
            }
            TrackedEventData<?> next = batch.next();
            last = next.trackingToken();
            action.accept(next);
            return true;
        }
    }
}
