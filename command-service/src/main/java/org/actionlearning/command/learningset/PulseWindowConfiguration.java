package org.actionlearning.command.learningset;

import java.time.Clock;
import java.time.Duration;
import org.actionlearning.service.pulse.PulseWindow;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pulse window by the application clock (a test may put its own {@link Clock} in the context). */
@Configuration(proxyBeanMethods = false)
public class PulseWindowConfiguration {

    @Bean
    public PulseWindow pulseWindow(@Value("${" + PulseWindow.PROPERTY + ":" + PulseWindow.DEFAULT + "}") Duration length,
                                   ObjectProvider<Clock> clock) {
        return new PulseWindow(length, clock.getIfAvailable(Clock::systemUTC));
    }
}
