package org.actionlearning.query.read;

import static org.actionlearning.query.jooq.Tables.ERASED_PERSON;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Which of some people were erased (PersonErased projected). */
@Component
class ErasedPeople {

    private final DSLContext db;

    ErasedPeople(DSLContext db) {
        this.db = db;
    }

    Set<UUID> among(Collection<UUID> people) {
        if (people.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.select(ERASED_PERSON.PERSON_ID).from(ERASED_PERSON)
                .where(ERASED_PERSON.PERSON_ID.in(Set.copyOf(people)))
                .fetch(ERASED_PERSON.PERSON_ID));
    }
}
