package org.actionlearning.command;

import java.util.List;
import org.actionlearning.command.access.ScopeDirectory;
import org.actionlearning.command.personaldata.PersonalDataIndex;
import org.actionlearning.command.reminder.DueActions;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The subscribing processors that write, in the transaction appending an event, what the command side needs of it:
 * the access scopes (who may act on the new aggregate) and the personal-data index (what erasure must find). A
 * failure there must fail the command, so that its events are not stored without them; Axon's default handler would
 * log the failure and commit the events anyway, leaving an aggregate that nobody may act on or data that erasure
 * cannot find.
 */
@Configuration
public class InTransactionEventHandlers {

    static final List<String> PROCESSING_GROUPS = List.of(ScopeDirectory.PROCESSING_GROUP,
            PersonalDataIndex.PROCESSING_GROUP, DueActions.PROCESSING_GROUP);

    @Bean
    public ConfigurerModule inTransactionHandlersFailTheirCommand() {
        return configurer -> PROCESSING_GROUPS.forEach(group -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance()));
    }
}
