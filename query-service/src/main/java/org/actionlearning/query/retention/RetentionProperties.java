package org.actionlearning.query.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the query service keeps what is not derived from events.
 *
 * @param readAudit how long the record of who read confidential detail is kept (an organisation's policy decides;
 *                  the default is a year and a month, so that a yearly review finds the whole year)
 * @param interval  how often the purge runs (on every instance; one at a time, by a database lock)
 * @param batchSize rows deleted per short transaction
 */
@ConfigurationProperties("als.retention")
public record RetentionProperties(@DefaultValue("P396D") Duration readAudit,
                                  @DefaultValue("PT1H") Duration interval,
                                  @DefaultValue("5000") int batchSize) {
}
