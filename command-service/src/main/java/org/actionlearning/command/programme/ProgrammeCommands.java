package org.actionlearning.command.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.events.programme.CostCategory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands a {@link Programme} handles about itself. */
public final class ProgrammeCommands {

    private ProgrammeCommands() {
    }

    public record LaunchProgramme(UUID programmeId, String organisation, String name, String sponsor,
                                  LocalDate startsOn, String currency) {
    }

    public record RecordProgrammeCost(@TargetAggregateIdentifier UUID programmeId, UUID costId,
                                      CostCategory category, BigDecimal amount, LocalDate incurredOn, String note) {
    }

    public record CloseProgramme(@TargetAggregateIdentifier UUID programmeId, LocalDate closedOn) {
    }

    /** Tells the programme's readers that the person's key was destroyed (sent by the erasure, not by users). */
    public record ErasePersonalData(@TargetAggregateIdentifier UUID programmeId, UUID personId, LocalDate erasedOn) {
    }
}
