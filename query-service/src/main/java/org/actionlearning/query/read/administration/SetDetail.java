package org.actionlearning.query.read.administration;

import java.util.List;
import java.util.UUID;

/**
 * A set as its organisation's administrator works with it.
 *
 * @param members the person ids of the current members
 */
public record SetDetail(UUID setId, String name, UUID facilitatorId, UUID programmeId, String programmeName,
                        String organisation, List<UUID> members) {
}
