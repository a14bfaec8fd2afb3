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
        if (text == null) {
            requireNotErased(subjectField, subject);
            return null;
        }
        try {
            return vault.seal(subject, text);
        } catch (ErasedPerson e) {
            throw new DomainRuleViolation(subjectField, e.getMessage());
        }
    }

    /**
     * Refuses (409 naming {@code subjectField}) any new fact about an erased person, with or without text: the
     * one check every command naming a person goes through, so that an erased person's activity stops entirely.
     */
    public void requireNotErased(String subjectField, UUID subject) {
        if (subject != null && vault.isErased(subject)) {
            throw new DomainRuleViolation(subjectField, new ErasedPerson(subject).getMessage());
        }
    }

    /**
     * {@code text} sealed with the key of the person who committed the action; 404 for an unknown action (when
     * there is text to seal), 409 once the owner was erased.
     */
    public String sealForOwnerOf(UUID actionId, String text) {
        if (text == null) {
            index.ownerOf(actionId).ifPresent(owner -> requireNotErased("actionId", owner));
            return null;
        }
        UUID owner = index.ownerOf(actionId)
                .orElseThrow(() -> new UnknownEntity("actionId", "no action " + actionId));
        return seal("actionId", owner, text);
    }
}
