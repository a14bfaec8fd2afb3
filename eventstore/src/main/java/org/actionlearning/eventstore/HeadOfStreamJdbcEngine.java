package org.actionlearning.eventstore;

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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC engine with fewer queries at the head of the stream, where the relay reads: the event store's shared
 * producer wakes after every local commit and read until a query came back empty, each query in a transaction of its
 * own, and each empty one followed by a second query for the next position beyond a gap wider than a batch
 * (pg_stat_statements at 100 commands/s: 2.35 event reads and 1.51 of those gap queries per command, more queries
 * than the command itself made).
 * <p>
 * For the stream that may block (the shared producer's; one per store):
 * <ul>
 *   <li>It ends after a batch shorter than the batch size. Nothing is skipped: the producer reads again from its
 *       newest event right away whenever a read found any.</li>
 *   <li>That read again is skipped when it cannot find anything new: no append of this engine committed since the
 *       last short read began, none is in flight (from its insert until its transaction completes), that read's
 *       last event did not sit at the end of its window, and no recheck is due.</li>
 *   <li>The look past a gap wider than a batch runs on an empty read at most once per {@code recheckInterval}, not on
 *       every one. Such a gap needs a batch's worth of consecutive positions that no event kept (inserts rolled
 *       back).</li>
 * </ul>
 * So with nothing committed here the head is read, and looked past, once per {@code recheckInterval} at most: an event
 * stored by another process, behind a wide gap, or beyond positions rolled back at the end of a short read's window is
 * read up to an interval late (Axon's store waits its one-second fetch delay for the first too), never lost: every
 * read starts from the stream's own position. Streams that may not block (a processor catching up on a stream of its
 * own) read as Axon's engine does, looking past on every empty read.
 */
public class HeadOfStreamJdbcEngine extends JdbcEventStorageEngine {

    private static final Duration NO_DEADLINE = Duration.ofDays(365);

    private final TransactionManager transactionManager;
    private final long appendCommitDeadlineNanos;
    private final long recheckIntervalNanos;
    private final LongSupplier nanoClock;
    /** When the shared stream last looked past a gap (System.nanoTime), or an interval before construction. */
    private final AtomicLong lastGapCheck;
    private final AtomicLong appendsCommitted = new AtomicLong();
    private final AtomicLong appendsInFlight = new AtomicLong();
    /** {@link #appendsCommitted} when the last short read that ended before its window's end began; -1: none. */
    private volatile long committedAtLastShortRead = -1;

    public HeadOfStreamJdbcEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager,
                                  Duration recheckInterval) {
        this(builder, transactionManager, recheckInterval, NO_DEADLINE, System::nanoTime);
    }

    /**
     * @param appendCommitDeadline the longest from an append to its transaction's commit: a later commit is refused
     *                             (rolled back), as the relay may have given up its position as a gap by then
     */
    public HeadOfStreamJdbcEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager,
                                  Duration recheckInterval, Duration appendCommitDeadline) {
        this(builder, transactionManager, recheckInterval, appendCommitDeadline, System::nanoTime);
    }

    HeadOfStreamJdbcEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager,
                           Duration recheckInterval, LongSupplier nanoClock) {
        this(builder, transactionManager, recheckInterval, NO_DEADLINE, nanoClock);
    }

    private HeadOfStreamJdbcEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager,
                                   Duration recheckInterval, Duration appendCommitDeadline, LongSupplier nanoClock) {
        // the look past a wide gap is done below: throttled for the shared stream, on every empty read for the others
        super(builder.transactionManager(transactionManager).extendedGapCheckEnabled(false));
        this.appendCommitDeadlineNanos = appendCommitDeadline.toNanos();
        this.transactionManager = transactionManager;
        this.recheckIntervalNanos = recheckInterval.toNanos();
        this.nanoClock = nanoClock;
        this.lastGapCheck = new AtomicLong(nanoClock.getAsLong() - recheckIntervalNanos);
    }

    /**
     * Appends, counting the append as in flight until its transaction completes and as committed once it commits:
     * the database's transaction, which may be an outer one (a command with an idempotency key), not the unit of
     * work's commit, which Axon reports before an outer transaction commits.
     */
    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        long appended = nanoClock.getAsLong();
        appendsInFlight.incrementAndGet();
        try {
            super.appendEvents(events);
        } catch (RuntimeException | Error e) {
            appendsInFlight.decrementAndGet();
            throw e;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                /** Refuses a commit too late for the relay: the transaction rolls back, the command fails. */
                @Override
                public void beforeCommit(boolean readOnly) {
                    long open = nanoClock.getAsLong() - appended;
                    if (open > appendCommitDeadlineNanos) {
                        throw new EventStoreException(("an append's transaction reached its commit %d ms after the "
                                + "insert, beyond als.eventstore.append-commit-deadline (%d ms): rolled back, as the "
                                + "relay may have given up its position").formatted(open / 1_000_000,
                                appendCommitDeadlineNanos / 1_000_000));
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        appendsCommitted.incrementAndGet();
                    }
                    appendsInFlight.decrementAndGet();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            unitOfWork.afterCommit(u -> appendsCommitted.incrementAndGet());
            unitOfWork.onCleanup(u -> appendsInFlight.decrementAndGet());
        } else {
            appendsCommitted.incrementAndGet(); // committed by the engine's own transaction
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

    /** A read of a stream that may not block: Axon's, looking past a wide gap on every empty read. */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        List<? extends TrackedEventData<?>> events = super.fetchTrackedEvents(lastToken, batchSize);
        return events.isEmpty() ? lookPastGap(lastToken, events) : events;
    }

    /** A read of the shared stream: the look past a wide gap at most once per interval. */
    List<? extends TrackedEventData<?>> readHead(TrackingToken lastToken, int batchSize) {
        List<? extends TrackedEventData<?>> events = super.fetchTrackedEvents(lastToken, batchSize);
        return events.isEmpty() && gapCheckDue() ? lookPastGap(lastToken, events) : events;
    }

    /** The next stored position, and a read whose window reaches it, as Axon's own check does. */
    private List<? extends TrackedEventData<?>> lookPastGap(TrackingToken lastToken,
                                                            List<? extends TrackedEventData<?>> empty) {
        long index = index(lastToken);
        Long next = transactionManager.fetchInTransaction(() -> executeQuery(getConnection(),
                connection -> fetchTrackedEvents(connection, index),
                resultSet -> nextAndExtract(resultSet, 1, Long.class),
                e -> new EventStoreException("Failed to read the position after " + index, e)));
        return next == null ? empty : super.fetchTrackedEvents(lastToken, (int) (next - index));
    }

    private static long index(TrackingToken token) {
        return token == null ? -1 : ((GapAwareTrackingToken) token).getIndex();
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
                List<? extends TrackedEventData<?>> read = readHead(last, batchSize());
                lastBatchRead = read.size() < batchSize();
                if (lastBatchRead && endedBeforeItsWindow(last, read)) {
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

        /**
         * Whether a short read's last event came before the end of its window (a batch's worth of positions after its
         * start). One at the very end means positions rolled back inside the window may have made the read short, with
         * events already stored beyond it: the next read must run. Short of the end, the positions after the last
         * event held no stored event: free, in flight (counted), or rolled back at the window's end, which the
         * recheck covers. (Gaps left by commits out of order are in flight, so they do not stop the skip.)
         */
        private boolean endedBeforeItsWindow(TrackingToken from, List<? extends TrackedEventData<?>> read) {
            if (read.isEmpty()) {
                return true;
            }
            long lastIndex = index(read.get(read.size() - 1).trackingToken());
            return lastIndex < index(from) + batchSize();
        }
    }
}
