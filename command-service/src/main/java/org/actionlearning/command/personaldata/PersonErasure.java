package org.actionlearning.command.personaldata;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.command.identity.ErasedPersonAccounts;
import org.actionlearning.command.personaldata.PersonalDataVault.Erasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a person: destroys their key and publishes {@code PersonErased} in every programme holding their data,
 * in ONE transaction (Axon joins it to append the events), so there is never a destroyed key without the events
 * that tell readers, nor the events with the key still there. The person's accounts end in the same step.
 */
@Service
public class PersonErasure {

    private static final Logger log = LoggerFactory.getLogger(PersonErasure.class);

    private final PersonalDataVault vault;
    private final PersonalDataIndex index;
    private final ErasureNotices notices;
    private final ErasedPersonAccounts accounts;

    public PersonErasure(PersonalDataVault vault, PersonalDataIndex index, ErasureNotices notices,
                         ErasedPersonAccounts accounts) {
        this.vault = vault;
        this.index = index;
        this.notices = notices;
        this.accounts = accounts;
    }

    @Transactional
    public Erasure erase(UUID personId, LocalDate erasedOn) {
        Erasure outcome = vault.destroyKey(personId);
        if (outcome != Erasure.UNKNOWN) {
            // also on a repeated erasure: an account made or given grants since must not outlive it
            accounts.end(personId);
        }
        if (outcome == Erasure.ERASED) {
            var programmes = index.programmesOf(personId);
            for (UUID programmeId : programmes) {
                notices.personErased(programmeId, personId, erasedOn);
            }
            log.info("Erased person {}: key destroyed, erasure published in {} programme(s)", personId,
                    programmes.size());
        }
        return outcome;
    }
}
