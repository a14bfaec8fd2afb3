package org.actionlearning.events.learningset;

import java.util.UUID;
import org.actionlearning.events.DomainEvent;

/**
 * A question or statement recorded by mistake and taken back while its meeting was open (the console's undo).
 * It names what it takes back (who, and which kind of contribution) so that a projection can subtract it from its
 * counts without reading the original event. Exactly one of {@code questionForm} and {@code statementKind} is set.
 */
public record ContributionRetracted(UUID setId, UUID programmeId, UUID meetingId, UUID contributionId,
                                    UUID personId, QuestionForm questionForm, StatementKind statementKind)
        implements DomainEvent {
}
