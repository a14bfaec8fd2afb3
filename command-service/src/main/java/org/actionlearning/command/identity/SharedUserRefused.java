package org.actionlearning.command.identity;

import org.actionlearning.service.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An organisation's administrator asked for something about a user who also works for another organisation that
 * would reach beyond their own grants (disabling, a password, a contact address): only a platform administrator may.
 * A 403 naming the user, rather than the 404 of an unknown one, since the administrator was shown them.
 */
class SharedUserRefused extends ErrorResponseException {

    SharedUserRefused(String username, String what) {
        super(HttpStatus.FORBIDDEN, Problems.problem(HttpStatus.FORBIDDEN, "Not permitted", "username",
                "'" + username + "' also works for another organisation: only their grants in your organisations "
                        + "can be changed here; " + what + " is for a platform administrator"), null);
    }
}
