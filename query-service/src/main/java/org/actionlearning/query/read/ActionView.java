package org.actionlearning.query.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One committed action.
 *
 * @param status  OPEN, COMPLETED or ABANDONED
 * @param overdue open and due before the as-of date
 */
public record ActionView(UUID actionId, UUID setId, @JsonInclude(JsonInclude.Include.NON_NULL) UUID ownerId,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String description, LocalDate committedOn,
                         LocalDate dueOn, String status, LocalDate completedOn, boolean overdue) {

    /** For sponsors and administrators: the action's dates and status, not who owns it or what it says. */
    public ActionView withoutPersonalDetail() {
        return new ActionView(actionId, setId, null, null, committedOn, dueOn, status, completedOn, overdue);
    }
}
