package org.actionlearning.command.reminder;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.action.ActionAbandoned;
import org.actionlearning.events.action.ActionCommitted;
import org.actionlearning.events.action.ActionCompleted;
import org.actionlearning.events.action.ActionRescheduled;
import org.actionlearning.events.personaldata.PersonErased;
import org.actionlearning.eventstore.backfill.BackfilledTable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The open actions and their due dates, written by a subscribing processor in the transaction that appends the
 * action's events: the reminder job reads what is due from here. An erased person's actions leave the table and
 * their accounts' email addresses are cleared, in the erasure's own transaction.
 */
@Component
@ProcessingGroup(DueActions.PROCESSING_GROUP)
public class DueActions implements BackfilledTable {

    public static final String PROCESSING_GROUP = "due-actions";

    /** An open action due on or before some day, and where its owner wants reminders. */
    public record Due(UUID actionId, LocalDate committedOn, LocalDate dueOn, String email) {
    }

    private final JdbcTemplate jdbc;

    public DueActions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The open actions due on or before {@code until} whose owner has an account with an email address. */
    List<Due> dueBy(LocalDate until) {
        // one address per action, should a person have two accounts with one
        // the member's own opt-in address only, never the contact address an administrator gave
        return jdbc.query("select distinct on (d.action_id) d.action_id, d.committed_on, d.due_on, u.reminder_email "
                        + "from due_action d join app_user u on u.person_id = d.owner_id "
                        + "where d.due_on <= ? and u.reminder_email is not null order by d.action_id, u.username",
                (rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4)), until);
    }

    @EventHandler
    void on(ActionCommitted e) {
        jdbc.update("insert into due_action (action_id, owner_id, committed_on, due_on) values (?, ?, ?, ?) "
                + "on conflict (action_id) do nothing", e.actionId(), e.ownerId(), e.committedOn(), e.dueOn());
    }

    @EventHandler
    void on(ActionRescheduled e) {
        jdbc.update("update due_action set due_on = ? where action_id = ?", e.dueOn(), e.actionId());
    }

    @EventHandler
    void on(ActionCompleted e) {
        jdbc.update("delete from due_action where action_id = ?", e.actionId());
    }

    @EventHandler
    void on(ActionAbandoned e) {
        jdbc.update("delete from due_action where action_id = ?", e.actionId());
    }

    @EventHandler
    void on(PersonErased e) {
        jdbc.update("delete from due_action where owner_id = ?", e.personId());
        jdbc.update("update app_user set email = null, reminder_email = null where person_id = ?", e.personId());
    }

    @Override
    public String name() {
        return "due actions";
    }

    /**
     * An event store with actions committed before the due-action table existed gets the table once, from its own
     * events (the access scopes know every action and its owner). A store whose actions are all closed is read again
     * at each start (the table stays empty): a rare case, and the result is the same.
     */
    @Override
    public boolean missesStoredEvents() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select not exists (select 1 from due_action) "
                + "and exists (select 1 from access_scope where owner_id is not null)", Boolean.class));
    }
}
