package org.actionlearning.command.access;

import java.util.UUID;

/** Where an aggregate sits: its organisation and programme, its set (sets, actions) and owner (actions). */
public record Scope(String organisation, UUID programmeId, UUID setId, UUID ownerId) {
}
