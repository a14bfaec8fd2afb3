package org.actionlearning.command.identity;

import java.util.Set;
import java.util.UUID;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Grant;

/** A user of the built-in identity store; the password is only ever held as its bcrypt hash. */
record Account(String username, String passwordHash, UUID personId, Set<Grant> grants) {

    Caller caller() {
        return new Caller(username, personId, grants);
    }
}
