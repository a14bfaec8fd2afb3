package org.actionlearning.service.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No observation of Spring Security's filters, authentications and authorizations, in every service. Switching
 * their observations off by name still wrapped each of a dozen filters in an observation decorator on every request
 * (a predicate test per filter and a no-op observation); without observations the chain is not decorated.
 * {@code http.server.requests} still times every request.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityObservationSettings.class)
public class SecurityObservationsAutoConfiguration {

    @Bean
    public SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
