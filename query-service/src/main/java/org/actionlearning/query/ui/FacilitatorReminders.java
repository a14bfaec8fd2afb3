package org.actionlearning.query.ui;

import java.util.List;
import java.util.UUID;
import org.actionlearning.query.read.member.DueAction;
import org.actionlearning.query.read.member.MemberQueries;
import org.actionlearning.service.security.Callers;
import org.springframework.stereotype.Component;

/**
 * The reminders fragment ({@code fragments/reminders}) asks here for a set's due actions, so that a facilitator's
 * page shows them by including the fragment alone. Someone else viewing the page (a member) gets none.
 */
@Component("reminders")
public class FacilitatorReminders {

    private final MemberQueries members;
    private final Today today;

    FacilitatorReminders(MemberQueries members, Today today) {
        this.members = members;
        this.today = today;
    }

    public boolean shown(UUID setId) {
        return Callers.current().isFacilitatorOf(setId);
    }

    public List<DueAction> of(UUID setId) {
        return shown(setId) ? members.dueInSet(setId, today.date()) : List.of();
    }

    public int reminderDays() {
        return MemberQueries.REMINDER_DAYS;
    }
}
