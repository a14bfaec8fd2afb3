package org.actionlearning.command.access;

import java.util.Optional;
import java.util.UUID;
import org.actionlearning.events.action.ActionCommitted;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.outcome.OutcomeMetricDefined;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.eventstore.backfill.BackfilledTable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The scope of every programme, set, outcome metric and action, written by a subscribing processor in the
 * transaction that appends the creating event: an authorisation check never sees a half-created aggregate.
 */
@Component
@ProcessingGroup(ScopeDirectory.PROCESSING_GROUP)
public class ScopeDirectory implements BackfilledTable {

    public static final String PROCESSING_GROUP = "access-scopes";

    private final JdbcTemplate jdbc;

    public ScopeDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Scope> scopeOf(UUID id) {
        return jdbc.query("select organisation, programme_id, set_id, owner_id from access_scope where id = ?",
                (rs, n) -> new Scope(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class)), id).stream().findFirst();
    }

    /** Whether any of {@code setIds} is a set of the programme. */
    public boolean anySetOf(UUID programmeId, java.util.Set<UUID> setIds) {
        if (setIds.isEmpty()) {
            return false;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(setIds.size(), "?"));
        java.util.List<Object> arguments = new java.util.ArrayList<>(setIds);
        arguments.add(programmeId);
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from access_scope where id in ("
                + marks + ") and set_id = id and programme_id = ?)", Boolean.class, arguments.toArray()));
    }

    /** Whether any of {@code ids} (programmes, sets) is in the organisation. */
    public boolean anyIn(String organisation, java.util.Set<UUID> ids) {
        if (ids.isEmpty()) {
            return false;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        java.util.List<Object> arguments = new java.util.ArrayList<>(ids);
        arguments.add(organisation);
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from access_scope where id in ("
                + marks + ") and organisation = ?)", Boolean.class, arguments.toArray()));
    }

    @EventHandler
    void on(ProgrammeLaunched e) {
        put(e.programmeId(), e.organisation(), e.programmeId(), null, null);
    }

    @EventHandler
    void on(SetFormed e) {
        put(e.setId(), organisationOf(e.programmeId()), e.programmeId(), e.setId(), null);
    }

    @EventHandler
    void on(OutcomeMetricDefined e) {
        put(e.metricId(), organisationOf(e.programmeId()), e.programmeId(), null, null);
    }

    @EventHandler
    void on(ActionCommitted e) {
        put(e.actionId(), organisationOf(e.programmeId()), e.programmeId(), e.setId(), e.ownerId());
    }

    @Override
    public String name() {
        return "access scopes";
    }

    /** An event store written before the scope directory existed gets its directory once, from its own events. */
    @Override
    public boolean missesStoredEvents() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select not exists (select 1 from access_scope) and exists (select 1 from domainevententry)",
                Boolean.class));
    }

    private String organisationOf(UUID programmeId) {
        return jdbc.queryForObject("select organisation from access_scope where id = ?", String.class, programmeId);
    }

    private void put(UUID id, String organisation, UUID programmeId, UUID setId, UUID ownerId) {
        jdbc.update("insert into access_scope (id, organisation, programme_id, set_id, owner_id) values (?, ?, ?, ?, ?) "
                + "on conflict (id) do nothing", id, organisation, programmeId, setId, ownerId);
    }
}
