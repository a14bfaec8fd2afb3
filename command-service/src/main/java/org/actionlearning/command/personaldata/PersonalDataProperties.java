package org.actionlearning.command.personaldata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keyCacheTtl how long an instance keeps a person's key in memory. Erasure evicts it at once on the instance
 *                    that erased; other instances of the command service notice within this time.
 * @param maxUnsealTokens the most tokens one unseal request may carry
 * @param keyCacheSize the most person keys an instance keeps in memory; beyond it the least useful are evicted
 */
@ConfigurationProperties("als.personal-data")
public record PersonalDataProperties(@DefaultValue("PT1M") Duration keyCacheTtl,
                                     @DefaultValue("10000") int maxUnsealTokens,
                                     @DefaultValue("10000") int keyCacheSize) {

    public PersonalDataProperties {
        if (keyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("als.personal-data.key-cache-ttl must not be negative");
        }
        if (keyCacheSize < 0) {
            throw new IllegalArgumentException("als.personal-data.key-cache-size must not be negative");
        }
    }
}
