package org.actionlearning.service.security;

import org.springframework.security.access.AccessDeniedException;

/** The caller is known but their grants do not cover what they asked for; the message says which grant would. */
public class NotPermitted extends AccessDeniedException {

    public NotPermitted(String reason) {
        super(reason);
    }
}
