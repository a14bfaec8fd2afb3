package org.actionlearning.query.read;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.analytics.followthrough.ActionRecord;
import org.actionlearning.query.jooq.tables.records.ActionItemRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** A programme's committed actions, optionally filtered by status. */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class ActionQueries {

    private final ProgrammeReader programmes;
    private final ActionReader actions;

    public ActionQueries(ProgrammeReader programmes, ActionReader actions) {
        this.programmes = programmes;
        this.actions = actions;
    }

    /**
     * The programme's actions matching any of {@code filters} (all actions if empty), ordered by commitment date
     * and due date; {@code asOf} governs {@code overdue}.
     */
    public List<ActionView> actions(UUID programmeId, Set<ActionFilter> filters, LocalDate asOf) {
        programmes.require(programmeId);
        return actions.ofProgramme(programmeId).stream()
                .filter(action -> filters.isEmpty()
                        || filters.stream().anyMatch(filter -> filter.matches(action.record(), asOf)))
                .map(action -> view(action.row(), action.record(), asOf))
                .toList();
    }

    private static ActionView view(ActionItemRecord row, ActionRecord record, LocalDate asOf) {
        return new ActionView(row.getActionId(), row.getSetId(), row.getOwnerId(), row.getDescription(),
                row.getCommittedOn(), row.getDueOn(), row.getStatus(), row.getCompletedOn(), record.isOverdueOn(asOf));
    }
}
