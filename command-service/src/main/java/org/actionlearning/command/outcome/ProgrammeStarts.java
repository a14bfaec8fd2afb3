package org.actionlearning.command.outcome;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The day a programme starts, from its first event: a participant's own estimate may not be dated before it. Read
 * only for own estimates, which are rare; the programme's stream is short (its sets and metrics are aggregates of
 * their own) and never snapshotted.
 */
@Component
class ProgrammeStarts {

    private final EventStore events;

    ProgrammeStarts(EventStore events) {
        this.events = events;
    }

    Optional<LocalDate> startOf(UUID programmeId) {
        var stream = events.readEvents(programmeId.toString(), 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        return stream.next().getPayload() instanceof ProgrammeLaunched launched
                ? Optional.ofNullable(launched.startsOn()) : Optional.empty();
    }
}
