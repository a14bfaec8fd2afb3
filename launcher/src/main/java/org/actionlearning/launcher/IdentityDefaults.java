package org.actionlearning.launcher;

/** The built-in identity store's first administrator, as the command service creates them by default. */
final class IdentityDefaults {

    static final String ADMIN = "admin";

    private IdentityDefaults() {
    }
}
