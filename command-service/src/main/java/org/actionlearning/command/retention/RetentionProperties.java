package org.actionlearning.command.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the command service keeps what it stores besides events.
 *
 * @param idempotencyKeys how long a stored answer to an Idempotency-Key is replayed; a retry after that is a new
 *                        command. Far longer than any client retries.
 * @param interval        how often the purge runs (on every instance; one at a time, by a database lock)
 * @param batchSize       rows deleted per short transaction
 */
@ConfigurationProperties("als.retention")
public record RetentionProperties(@DefaultValue("P7D") Duration idempotencyKeys,
                                  @DefaultValue("PT1H") Duration interval,
                                  @DefaultValue("5000") int batchSize) {
}
