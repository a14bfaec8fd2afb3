package org.actionlearning.query.read.programme;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One programme in the list of programmes.
 *
 * @param sets    learning sets formed in the programme
 * @param members distinct people who are active members of at least one of its sets
 */
public record ProgrammeSummary(UUID programmeId, String organisation, String name, String sponsor,
                               LocalDate startsOn, String currency, int sets, int members) {
}
