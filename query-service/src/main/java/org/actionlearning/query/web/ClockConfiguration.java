package org.actionlearning.query.web;

import java.time.Clock;
import java.time.Duration;
import org.actionlearning.service.pulse.PulseWindow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock that gives "today" (UTC) where a query's {@code asOf} is not given; tests replace it with a fixed one.
 * Also the clock of the pulse window. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public PulseWindow pulseWindow(@Value("${" + PulseWindow.PROPERTY + ":" + PulseWindow.DEFAULT + "}") Duration length,
                                   Clock clock) {
        return new PulseWindow(length, clock);
    }
}
