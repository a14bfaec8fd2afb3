package org.actionlearning.query.read.safety;

import java.util.List;
import java.util.UUID;

/**
 * A person's own answers to a meeting's pulse, opened for them alone: null figures with {@code erased} once their
 * key is gone, or {@code personalDataUnavailable} while the vault cannot be reached.
 */
public record OwnPulse(UUID meetingId, List<Integer> items, Integer usefulness, Integer confidence,
                       Integer commitment, boolean erased, boolean personalDataUnavailable) {
}
