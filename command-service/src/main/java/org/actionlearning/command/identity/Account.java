package org.actionlearning.command.identity;

import java.util.Set;
import java.util.UUID;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Grant;

/**
 * A user of the built-in identity store; the password is only ever held as its bcrypt hash.
 *
 * @param email    the contact address an administrator gave, where set-password links are emailed (null: none);
 *                 never the member's own reminder address ({@link AccountEmails})
 * @param disabled may not sign in, and their tokens are refused
 */
record Account(String username, String passwordHash, UUID personId, Set<Grant> grants, String email,
               boolean disabled) {

    Account(String username, String passwordHash, UUID personId, Set<Grant> grants) {
        this(username, passwordHash, personId, grants, null, false);
    }

    Caller caller() {
        return new Caller(username, personId, grants);
    }
}
