package org.actionlearning.query.personaldata;

import java.util.Map;
import java.util.Set;
import org.actionlearning.events.personaldata.SealedText;

/**
 * The stored values of one answer with their plaintexts. A stored value is either plain text (events published
 * before sealing, or by tests) which shows as it is, or a sealed token, which shows as its plaintext, or as nothing
 * when its person was erased or the vault could not be asked.
 *
 * @param plaintexts  token to plaintext; a token missing here was erased (or could not be opened)
 * @param unavailable tokens that could not be asked about (vault unreachable)
 */
public record Revealed(Map<String, String> plaintexts, Set<String> unavailable) {

    public static final Revealed NOTHING = new Revealed(Map.of(), Set.of());

    public Revealed {
        plaintexts = Map.copyOf(plaintexts);
        unavailable = Set.copyOf(unavailable);
    }

    /** The value to show: plain text as is, a token's plaintext, or null (absent, erased, or unavailable). */
    public String text(String stored) {
        if (stored == null || !SealedText.isSealed(stored)) {
            return stored;
        }
        return plaintexts.get(stored);
    }

    /** A sealed value that cannot be shown because its person's key is gone. */
    public boolean erased(String stored) {
        return stored != null && SealedText.isSealed(stored) && !plaintexts.containsKey(stored)
                && !unavailable.contains(stored);
    }

    public boolean isUnavailable(String stored) {
        return stored != null && unavailable.contains(stored);
    }

    /** Whether anything in this answer could not be shown for want of the vault. */
    public boolean anyUnavailable() {
        return !unavailable.isEmpty();
    }
}
