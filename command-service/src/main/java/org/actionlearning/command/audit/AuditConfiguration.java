package org.actionlearning.command.audit;

import org.actionlearning.command.web.CommandSender;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Copies who sent a command (the user, their name as published, the person they are and the role that let them)
 * from its metadata onto every event it causes. Declaring a provider replaces Axon's default, so the correlation and
 * trace ids it adds are declared here too.
 */
@Configuration
class AuditConfiguration {

    @Bean
    CorrelationDataProvider auditUser() {
        return new SimpleCorrelationDataProvider(CommandSender.AUDIT_USER, CommandSender.AUDIT_NAME,
                CommandSender.AUDIT_PERSON, CommandSender.AUDIT_ROLE);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }
}
