package org.actionlearning.command.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.actionlearning.command.domain.DomainRuleViolation;
import org.actionlearning.events.learningset.FacilitatorChanged;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.service.security.Caller;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The organisation each person belongs to: the one whose set they first joined, as member or facilitator. Kept
 * in the transaction of the event that brings the person in (the scopes' subscribing processor), where a person
 * of another organisation is refused, so that the check and the record cannot race: one organisation holds a
 * person's data, and that organisation can always erase them.
 */
@Component
@ProcessingGroup(ScopeDirectory.PROCESSING_GROUP)
public class PersonDirectory {

    private final JdbcTemplate jdbc;

    public PersonDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberJoined e) {
        belongs("personId", e.personId(), e.setId(), e.programmeId());
    }

    @EventHandler
    void on(SetFormed e) {
        belongs("facilitatorId", e.facilitatorId(), e.setId(), e.programmeId());
    }

    @EventHandler
    void on(FacilitatorChanged e) {
        belongs("facilitatorId", e.facilitatorId(), e.setId(), e.programmeId());
    }

    /** The person's organisation; empty for a person never in a set, or one in sets of several (from before). */
    public Optional<String> organisationOf(UUID personId) {
        return jdbc.queryForList("select organisation from person_organisation where person_id = ?", String.class,
                personId).stream().findFirst();
    }

    /**
     * Whether the caller administers the person: their organisation's ADMIN. A person recorded in several
     * organisations before each person had one needs ADMIN of every organisation they have data in; an unknown
     * person is administered by nobody.
     */
    public boolean administers(Caller caller, UUID personId) {
        Optional<String> organisation = organisationOf(personId);
        if (organisation.isPresent()) {
            return caller.isAdminOf(organisation.get());
        }
        List<String> organisations = jdbc.queryForList("select distinct s.organisation from person_programme p"
                + " join access_scope s on s.id = p.programme_id where p.person_id = ?", String.class, personId);
        return !organisations.isEmpty() && organisations.stream().allMatch(caller::isAdminOf);
    }

    private void belongs(String field, UUID personId, UUID setId, UUID programmeId) {
        // the set's scope, or its programme's while the set's own is being written beside this handler
        List<String> scoped = jdbc.queryForList("select organisation from access_scope where id in (?, ?)",
                String.class, setId, programmeId);
        if (scoped.isEmpty()) {
            return; // a set older than the access scopes, before their backfill: nothing to compare with
        }
        String organisation = scoped.get(0);
        boolean elsewhere = organisationOf(personId).isEmpty() && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from person_programme p join access_scope s on s.id = p.programme_id"
                        + " where p.person_id = ? and s.organisation <> ?)", Boolean.class, personId, organisation));
        jdbc.update("insert into person_organisation (person_id, organisation) values (?, ?) on conflict do nothing",
                personId, organisation);
        if (elsewhere || !organisationOf(personId).orElseThrow().equals(organisation)) {
            throw new DomainRuleViolation(field, personId + " is a person of another organisation; add them to"
                    + " sets of their own organisation only");
        }
    }
}
