package org.actionlearning.command.personaldata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keyCacheTtl how long an instance keeps a person's key in memory. Erasure evicts it at once on the instance
 *                    that erased; other instances of the command service notice within this time.
 * @param maxUnsealTokens the most tokens one unseal request may carry
 */
@ConfigurationProperties("als.personal-data")
public record PersonalDataProperties(@DefaultValue("PT1M") Duration keyCacheTtl,
                                     @DefaultValue("10000") int maxUnsealTokens) {
}
