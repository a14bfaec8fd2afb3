package org.actionlearning.events.action;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.personaldata.PersonalData;
import org.actionlearning.events.personaldata.PersonalData.Via;

public record ActionRescheduled(UUID actionId, UUID programmeId, UUID setId, LocalDate previousDueOn, LocalDate dueOn,
                                @PersonalData(subject = "actionId", via = Via.ACTION_OWNER) String reason)
        implements DomainEvent {
}
