package org.actionlearning.command.personaldata;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PersonalDataConfiguration {

    /**
     * A failure to index an event must fail its command (Axon's default would log it and commit the event without
     * the index, leaving data that erasure cannot find).
     */
    @Bean
    public ConfigurerModule personalDataIndexErrorPolicy() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                PersonalDataIndex.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
