package org.actionlearning.query.read.set;

import java.util.UUID;

/**
 * A set in the list of sets.
 *
 * @param facilitatorName null once the facilitator was erased, or while it cannot be opened
 * @param members         current (active) members
 */
public record SetEntry(UUID setId, UUID programmeId, String name, String facilitatorName, int members) {
}
