package org.actionlearning.command.operations;

import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.actionlearning.command.domain.DomainRuleViolation;
import org.actionlearning.eventstore.relay.EventRelay;
import org.actionlearning.eventstore.relay.RelayPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the whole event store again, from its first event: the relay's token is reset and the published
 * positions forgotten, in one transaction, so the relay starts over (a record already on the topic is published
 * again with the same event id; the read side applies it once). For a topic that lost records (deleted, expired, a
 * new cluster) and for a restored event store.
 */
@Component
public class RelayRepublish {

    private static final Logger log = LoggerFactory.getLogger(RelayRepublish.class);

    private final EventProcessingConfiguration processing;
    private final RelayPositions positions;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    public RelayRepublish(EventProcessingConfiguration processing, RelayPositions positions,
                          TransactionTemplate transaction, JdbcTemplate jdbc) {
        this.processing = processing;
        this.positions = positions;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /** Starts the relay and checks that a worker took its segment; if none did, stops and starts it again. */
    private static void startAndConfirm(TrackingEventProcessor relay) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            relay.start();
            if (awaitThreads(relay, count -> count > 0, 10)) {
                return;
            }
            relay.shutDown();
            awaitThreads(relay, count -> count == 0, 30);
        }
        log.error("The relay did not start after the re-publication: restart the command service");
    }

    /** Waits up to {@code seconds} for the relay's processor threads to be as wanted; whether they came to be. */
    private static boolean awaitThreads(TrackingEventProcessor relay, IntPredicate wanted, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!wanted.test(relay.activeProcessorThreads())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Starts the re-publication; returns how many stored events are now to be published. */
    public synchronized long republish() {
        TrackingEventProcessor relay = processing.eventProcessor(EventRelay.PROCESSING_GROUP,
                TrackingEventProcessor.class).orElseThrow(() -> new IllegalStateException("no relay processor"));
        relay.shutDown();
        // a relay that was itself still starting can leave its launcher thread behind the shutdown: wait for it, or
        // the start below finds a launcher still running and starts no worker (seen in the fault suite)
        awaitThreads(relay, count -> count == 0, 30);
        try {
            // Axon's reset joins this transaction: the token and the positions change together or not at all
            transaction.executeWithoutResult(status -> {
                relay.resetTokens();
                positions.forgetAll();
            });
        } catch (UnableToClaimTokenException e) {
            throw new DomainRuleViolation(null, "another instance of the command service holds the relay; "
                    + "send this to that instance, or stop the others first");
        } finally {
            startAndConfirm(relay);
        }
        long toPublish = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        log.warn("The relay's token was reset: the event store's {} events are published again from the first",
                toPublish);
        return toPublish;
    }
}
