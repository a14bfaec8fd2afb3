package org.actionlearning.events.learningset;

import java.util.List;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;

/**
 * One response's contribution to a meeting's psychological-safety and reaction aggregates, without the person: a
 * random {@code responseId} stands in for them, so no reader can tie the figures to whoever gave them, and erasing
 * the person leaves the aggregates as they were.
 *
 * @param items      Edmondson's seven items as answered (1..7, published order, not reversed)
 * @param usefulness optional reaction item 1..5, null when not answered (so are confidence and commitment)
 * @param replaces   the contribution this one replaces (the same person's earlier answer), or null
 */
public record PulseContributed(UUID setId, UUID programmeId, UUID meetingId, UUID responseId, List<Integer> items,
                               Integer usefulness, Integer confidence, Integer commitment, UUID replaces)
        implements DomainEvent {
}
