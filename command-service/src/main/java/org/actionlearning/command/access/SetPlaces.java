package org.actionlearning.command.access;

import java.util.UUID;
import org.actionlearning.events.learningset.FacilitatorChanged;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.MemberLeft;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.eventstore.backfill.BackfilledTable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who facilitates each set and who its members are now, written in the transaction that appends the change: a
 * grant of a set's place is given only to whoever holds the place, so a list of grants read before a change cannot
 * give the place back.
 */
@Component
@ProcessingGroup(ScopeDirectory.PROCESSING_GROUP)
public class SetPlaces implements BackfilledTable {

    private final JdbcTemplate jdbc;

    public SetPlaces(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether an account of {@code personId} may hold FACILITATOR of the set: the person facilitates it; an account
     * of no person only while the set has the facilitator it was formed with (the demo's facilitators have none).
     * A set not known here (none such once the backfill has run) is not judged.
     */
    public boolean mayFacilitate(UUID setId, UUID personId) {
        return jdbc.query("select facilitator_id, formed_with from set_facilitator_now where set_id = ?",
                (rs, n) -> {
                    UUID now = rs.getObject(1, UUID.class);
                    return personId == null ? now.equals(rs.getObject(2, UUID.class)) : now.equals(personId);
                }, setId).stream().findFirst().orElse(true);
    }

    /** Whether the person is a member of the set now. */
    public boolean isMember(UUID setId, UUID personId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from set_member_now"
                + " where set_id = ? and person_id = ?)", Boolean.class, setId, personId));
    }

    @EventHandler
    void on(SetFormed e) {
        jdbc.update("insert into set_facilitator_now (set_id, facilitator_id, formed_with) values (?, ?, ?)"
                + " on conflict (set_id) do nothing", e.setId(), e.facilitatorId(), e.facilitatorId());
    }

    @EventHandler
    void on(FacilitatorChanged e) {
        jdbc.update("update set_facilitator_now set facilitator_id = ? where set_id = ?", e.facilitatorId(),
                e.setId());
    }

    @EventHandler
    void on(MemberJoined e) {
        jdbc.update("insert into set_member_now (set_id, person_id) values (?, ?) on conflict do nothing",
                e.setId(), e.personId());
    }

    @EventHandler
    void on(MemberLeft e) {
        jdbc.update("delete from set_member_now where set_id = ? and person_id = ?", e.setId(), e.personId());
    }

    @Override
    public String name() {
        return "set places";
    }

    @Override
    public boolean missesStoredEvents() {
        // a set in the access scopes (filled first, if behind too) and none here: the store is older than this table
        return Boolean.TRUE.equals(jdbc.queryForObject("select not exists (select 1 from set_facilitator_now)"
                + " and exists (select 1 from access_scope where set_id = id)", Boolean.class));
    }
}
