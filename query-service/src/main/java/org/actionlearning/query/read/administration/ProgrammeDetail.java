package org.actionlearning.query.read.administration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A programme as its organisation's administrator works with it: its costs and its sets. */
public record ProgrammeDetail(UUID programmeId, String organisation, String name, String sponsor,
                              LocalDate startsOn, String currency, LocalDate closedOn, List<CostLine> costs,
                              List<SetLine> sets) {

    public BigDecimal totalCosts() {
        return costs.stream().map(CostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public record CostLine(UUID costId, String category, BigDecimal amount, LocalDate incurredOn, String note) {
    }

    public record SetLine(UUID setId, String name, int members) {
    }
}
