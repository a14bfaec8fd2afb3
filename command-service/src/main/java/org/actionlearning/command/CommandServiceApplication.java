package org.actionlearning.command;

import org.actionlearning.eventstore.EventStoreEngine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The write side: REST commands, aggregates, the event store and its relay to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(EventStoreEngine.class)
public class CommandServiceApplication {

    /** Its configuration file is {@code command-service.yml}, so it can share a classpath with the query side. */
    public static final String CONFIG_NAME = "spring.config.name=command-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        return new SpringApplicationBuilder(CommandServiceApplication.class).properties(CONFIG_NAME);
    }
}
