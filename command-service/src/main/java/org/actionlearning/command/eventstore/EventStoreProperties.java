package org.actionlearning.command.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param snapshotThreshold events after which a learning set is snapshotted */
@ConfigurationProperties("als.eventstore")
public record EventStoreProperties(@DefaultValue("100") int snapshotThreshold) {
}
