package org.actionlearning.command.operations;

import org.actionlearning.command.domain.DomainRuleViolation;
import org.actionlearning.command.relay.EventRelay;
import org.actionlearning.command.relay.RelayPositions;
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

    /** Starts the re-publication; returns how many stored events are now to be published. */
    public synchronized long republish() {
        TrackingEventProcessor relay = processing.eventProcessor(EventRelay.PROCESSING_GROUP,
                TrackingEventProcessor.class).orElseThrow(() -> new IllegalStateException("no relay processor"));
        relay.shutDown();
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
            relay.start();
        }
        long toPublish = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        log.warn("The relay's token was reset: the event store's {} events are published again from the first",
                toPublish);
        return toPublish;
    }
}
