package org.actionlearning.query.read.action;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.analytics.followthrough.ActionRecord;
import org.actionlearning.query.jooq.tables.records.ActionItemRecord;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.PersonalValues;
import org.actionlearning.query.read.PersonalValues.Disclosure;
import org.actionlearning.query.read.ProgrammeReader;
import org.actionlearning.query.read.ReadSnapshot;
import org.actionlearning.query.read.action.ActionReader.StoredAction;
import org.springframework.stereotype.Service;

/** A programme's committed actions, optionally filtered by status (read in one snapshot, texts opened after it). */
@Service
public class ActionQueries {

    private final ProgrammeReader programmes;
    private final ActionReader actions;
    private final PersonalValues personal;
    private final ReadSnapshot snapshot;

    ActionQueries(ProgrammeReader programmes, ActionReader actions, PersonalValues personal, ReadSnapshot snapshot) {
        this.programmes = programmes;
        this.actions = actions;
        this.personal = personal;
        this.snapshot = snapshot;
    }

    /**
     * The programme's actions matching any of {@code filters} (all actions if empty), ordered by commitment date
     * and due date, as of the view (see {@link PastView}); its date governs {@code overdue}.
     */
    public List<ActionView> actions(UUID programmeId, Set<ActionFilter> filters, PastView view) {
        LocalDate asOf = view.asOf();
        List<StoredAction> matching = snapshot.read(() -> {
            programmes.require(programmeId);
            return actions.ofProgramme(programmeId, view).stream()
                    .filter(action -> filters.isEmpty()
                            || filters.stream().anyMatch(filter -> filter.matches(action.record(), asOf)))
                    .toList();
        });
        Disclosure texts = personal.disclose(matching.stream().map(a -> a.row().getDescription()).toList(),
                matching.stream().map(a -> a.row().getOwnerId()).toList());
        return matching.stream().map(action -> view(action.row(), action.record(), asOf, texts)).toList();
    }

    private static ActionView view(ActionItemRecord row, ActionRecord record, LocalDate asOf, Disclosure texts) {
        String status = record.isCompleted() ? "COMPLETED" : record.isAbandoned() ? "ABANDONED" : "OPEN";
        return new ActionView(row.getActionId(), row.getSetId(), row.getOwnerId(), texts.text(row.getDescription()),
                row.getCommittedOn(), record.dueOn(), status, record.completedOn(), record.isOverdueOn(asOf),
                texts.erased(row.getOwnerId(), row.getDescription()), row.getMeetingId());
    }
}
