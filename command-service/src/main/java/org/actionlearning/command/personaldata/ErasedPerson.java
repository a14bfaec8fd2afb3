package org.actionlearning.command.personaldata;

import java.util.UUID;

/** Something was to be sealed for a person who was erased: nothing new is recorded about them. */
public class ErasedPerson extends RuntimeException {

    private final UUID personId;

    public ErasedPerson(UUID personId) {
        super("person " + personId + " was erased: nothing more is recorded about them");
        this.personId = personId;
    }

    public UUID personId() {
        return personId;
    }
}
