package org.actionlearning.query.read.action;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One committed action.
 *
 * @param description null once the owner was erased, or while it cannot be opened
 * @param status      OPEN, COMPLETED or ABANDONED
 * @param overdue     open and due before the as-of date
 * @param ownerErased the owner was erased: the action still counts, its text is gone
 * @param meetingId   the meeting it was committed in: decides whether a sponsor sees it, not in the answer
 */
public record ActionView(UUID actionId, UUID setId, @JsonInclude(JsonInclude.Include.NON_NULL) UUID ownerId,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String description, LocalDate committedOn,
                         LocalDate dueOn, String status, LocalDate completedOn, boolean overdue,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Boolean ownerErased,
                         @JsonIgnore UUID meetingId) {

    /** For sponsors and administrators: the action's dates and status, not who owns it or what it says. */
    public ActionView withoutPersonalDetail() {
        return new ActionView(actionId, setId, null, null, committedOn, dueOn, status, completedOn, overdue, null,
                meetingId);
    }
}
