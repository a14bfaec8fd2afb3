package org.actionlearning.query.projection;

import java.util.UUID;

/**
 * The command side took a set's grants from some accounts (a facilitator changed, a member left) in the transaction
 * that stored the event: whoever caches revocations should ask afresh rather than within its next refresh.
 */
public record SetGrantsTaken(UUID setId) {
}
