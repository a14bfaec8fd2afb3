package org.actionlearning.service.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the request being handled. */
public final class Callers {

    private Callers() {
    }

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication c) {
            return c.getPrincipal();
        }
        throw new NotPermitted("this needs a signed-in user");
    }
}
