package org.actionlearning.events.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

/** A fully loaded cost line (Phillips): amount in the programme currency. */
public record ProgrammeCostRecorded(UUID programmeId, UUID costId, CostCategory category, BigDecimal amount,
                                    LocalDate incurredOn, String note) implements DomainEvent {
}
