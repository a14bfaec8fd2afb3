package org.actionlearning.command.personaldata;

import java.util.UUID;
import org.actionlearning.command.domain.DomainRuleViolation;
import org.actionlearning.command.domain.UnknownEntity;
import org.springframework.stereotype.Component;

/**
 * What the REST controllers call to seal personal text before it goes into a command: from here on (aggregates,
 * event store, topic, read models) it exists only as ciphertext. Text is validated as plaintext before this.
 */
@Component
public class PersonalText {

    private final PersonalDataVault vault;
    private final PersonalDataIndex index;

    public PersonalText(PersonalDataVault vault, PersonalDataIndex index) {
        this.vault = vault;
        this.index = index;
    }

    /**
     * {@code text} sealed with the key of {@code subject}; null stays null.
     *
     * @param subjectField the request field naming the subject, for the 409 if they were erased
     */
    public String seal(String subjectField, UUID subject, String text) {
        try {
            return vault.seal(subject, text);
        } catch (ErasedPerson e) {
            throw new DomainRuleViolation(subjectField, e.getMessage());
        }
    }

    /** {@code text} sealed with the key of the person who committed the action; 404 for an unknown action. */
    public String sealForOwnerOf(UUID actionId, String text) {
        if (text == null) {
            return null;
        }
        UUID owner = index.ownerOf(actionId)
                .orElseThrow(() -> new UnknownEntity("actionId", "no action " + actionId));
        return seal("actionId", owner, text);
    }
}
