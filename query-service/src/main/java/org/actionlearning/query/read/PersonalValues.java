package org.actionlearning.query.read;

import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.query.personaldata.PersonalDataClient;
import org.actionlearning.query.personaldata.Revealed;
import org.springframework.stereotype.Component;

/**
 * Opens the names and texts of one answer (one call to the vault) and knows who was erased: a person is erased once
 * PersonErased was projected, or as soon as the vault no longer opens their values (their key is gone, e.g. while a
 * rebuild has not yet reached the erasure).
 */
@Component
public class PersonalValues {

    /** A person's name is shown as null when they were erased or the vault could not be asked. */
    public static final Comparator<String> BY_NAME = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);

    private final PersonalDataClient client;
    private final ErasedPeople erasedPeople;

    PersonalValues(PersonalDataClient client, ErasedPeople erasedPeople) {
        this.client = client;
        this.erasedPeople = erasedPeople;
    }

    /** The plaintexts of {@code stored} values, for the people {@code people}. */
    public Disclosure disclose(Collection<String> stored, Collection<UUID> people) {
        return new Disclosure(client.reveal(stored), erasedPeople.among(people));
    }

    public record Disclosure(Revealed revealed, Set<UUID> erased) {

        public String text(String stored) {
            return revealed.text(stored);
        }

        /** Whether the person was erased, judged by the table and by one of their stored values. */
        public boolean erased(UUID personId, String storedValueOfTheirs) {
            return erased.contains(personId) || revealed.erased(storedValueOfTheirs);
        }

        public boolean anyUnavailable() {
            return revealed.anyUnavailable();
        }
    }
}
