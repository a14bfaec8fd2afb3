package org.actionlearning.command.personaldata;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.action.ActionCommitted;
import org.actionlearning.events.personaldata.PersonalDataFields;
import org.actionlearning.events.personaldata.SealedText;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What erasure and sealing need to know from the events: which programmes hold a person's sealed data, and who owns
 * each action. A subscribing processor (command-service.yml), so the rows are written in the transaction that
 * appends the event: they exist as soon as the command answered, and never without the event.
 */
@Component
@ProcessingGroup(PersonalDataIndex.PROCESSING_GROUP)
public class PersonalDataIndex {

    public static final String PROCESSING_GROUP = "personal-data-index";

    private final JdbcTemplate jdbc;

    public PersonalDataIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One handler for all events: Axon calls only the most specific handler of a class per event. */
    @EventHandler
    void on(DomainEvent event) {
        Set<UUID> subjects = new LinkedHashSet<>();
        for (String value : PersonalDataFields.values(event)) {
            if (SealedText.isSealed(value)) {
                subjects.add(SealedText.subjectOf(value));
            }
        }
        for (UUID subject : subjects) {
            jdbc.update("insert into person_programme (person_id, programme_id) values (?, ?) on conflict do nothing",
                    subject, event.programmeId());
        }
        if (event instanceof ActionCommitted committed) {
            jdbc.update("insert into action_owner (action_id, owner_id) values (?, ?) on conflict do nothing",
                    committed.actionId(), committed.ownerId());
        }
    }

    /** The programmes in which the person has sealed data. */
    public List<UUID> programmesOf(UUID personId) {
        return jdbc.queryForList("select programme_id from person_programme where person_id = ? order by programme_id",
                UUID.class, personId);
    }

    public Optional<UUID> ownerOf(UUID actionId) {
        return jdbc.queryForList("select owner_id from action_owner where action_id = ?", UUID.class, actionId)
                .stream().findFirst();
    }
}
