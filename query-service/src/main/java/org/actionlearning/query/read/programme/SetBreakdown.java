package org.actionlearning.query.read.programme;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.actionlearning.query.read.MinimumGroup;

/**
 * One set of a programme as its sponsor sees it: activity and follow-through in numbers, no names. A set of
 * fewer than three people shows only its name and size, with the reason in {@code withheld}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SetBreakdown(UUID setId, String name, int members, Integer meetingsHeld, Double meanGini,
                           Integer actionsCommitted, Double completionRate, MinimumGroup.Withheld withheld) {
}
