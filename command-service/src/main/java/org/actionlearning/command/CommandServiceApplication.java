package org.actionlearning.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The write side: REST commands, aggregates, the event store and its relay to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandServiceApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
