package org.actionlearning.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The event store's settings, and the bounds on a transaction's life that keep the relay from skipping an event.
 * <p>
 * An event's global position is taken at its insert and becomes visible at its commit; until then the relay's token
 * keeps the position as a gap and looks at it again. A gap is given up once the token is more than
 * {@code maxGapOffset} positions ahead of it or the events after it are older than {@code gapTimeout}; an event
 * committed after that would never be published. So every transaction must commit (or roll back) within both: an
 * append's transaction may commit at most {@code appendCommitDeadline} after the insert (a later commit is refused
 * and rolled back), and PostgreSQL ends a session that sits idle in a transaction for
 * {@code idleInTransactionTimeout} (a thread stalled between its statements, or before its commit).
 *
 * @param snapshotThreshold        events after which a learning set is snapshotted
 * @param headRecheckInterval      how often at most the head of the event stream is read when nothing was committed
 *                                 here, looking past a gap wider than a batch ({@link HeadOfStreamJdbcEngine}): the
 *                                 longest an event stored by another process, or behind such a gap, is read late
 * @param maxGapOffset             positions the relay's token remembers gaps behind its newest event (Axon's
 *                                 default 10,000); at most 30,000, as every gap is a parameter of the relay's query
 * @param gapTimeout               age of the events after a gap beyond which the gap is given up (Axon's default 60 s)
 * @param appendCommitDeadline     the longest from an event's insert to its transaction's commit
 * @param statementTimeout         PostgreSQL's statement_timeout for the service's connections
 * @param idleInTransactionTimeout PostgreSQL's idle_in_transaction_session_timeout for the service's connections
 */
@ConfigurationProperties("als.eventstore")
public record EventStoreProperties(@DefaultValue("100") int snapshotThreshold,
                                   @DefaultValue("1s") Duration headRecheckInterval,
                                   @DefaultValue("30000") int maxGapOffset,
                                   @DefaultValue("60s") Duration gapTimeout,
                                   @DefaultValue("5s") Duration appendCommitDeadline,
                                   @DefaultValue("15s") Duration statementTimeout,
                                   @DefaultValue("5s") Duration idleInTransactionTimeout,
                                   @DefaultValue("true") boolean aggregateCache) {

    /** Bind parameters PostgreSQL's protocol allows in one statement, less room for the query's own. */
    static final int MOST_GAPS = 30_000;

    public EventStoreProperties {
        if (headRecheckInterval.isNegative()) {
            throw new IllegalArgumentException("als.eventstore.head-recheck-interval must not be negative, not "
                    + headRecheckInterval);
        }
        if (maxGapOffset < 1 || maxGapOffset > MOST_GAPS) {
            throw new IllegalArgumentException("als.eventstore.max-gap-offset must be between 1 and " + MOST_GAPS
                    + " (every gap is a parameter of the relay's query), not " + maxGapOffset);
        }
        for (Duration positive : new Duration[] {gapTimeout, appendCommitDeadline, idleInTransactionTimeout,
                statementTimeout}) {
            if (positive.isNegative() || positive.isZero()) {
                throw new IllegalArgumentException("als.eventstore: gap-timeout, append-commit-deadline, "
                        + "statement-timeout and idle-in-transaction-timeout must be positive");
            }
        }
        // (in a compact constructor the fields are assigned after its body: the parameters, not the accessor)
        Duration transactionLifeBound = appendCommitDeadline.plus(idleInTransactionTimeout);
        if (transactionLifeBound.compareTo(gapTimeout) >= 0) {
            throw new IllegalArgumentException(("als.eventstore.gap-timeout (%s) must exceed the longest an append's "
                    + "transaction can stay open, append-commit-deadline + idle-in-transaction-timeout (%s): a "
                    + "transaction committing later would never be published").formatted(gapTimeout,
                    transactionLifeBound));
        }
    }

    /** The longest a position can stay uncommitted: the deadline to reach the commit, then at most idle before it. */
    public Duration transactionLifeBound() {
        return appendCommitDeadline.plus(idleInTransactionTimeout);
    }
}
