package org.actionlearning.service.security;

/**
 * The characters Spring Security's strict firewall allows in header names and values and in parameter names, as
 * loops: every character assigned in Unicode and none a control character ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*});
 * a header value may also hold tabs. Code points, as the regular expressions read them (a lone surrogate counts as
 * itself). {@code FirewallCharactersTest} compares both with the firewall's expressions on every code point.
 */
final class FirewallCharacters {

    private FirewallCharacters() {
    }

    /** Header names and parameter names. */
    static boolean assignedAndNotControl(String text) {
        return allowed(text, false);
    }

    /** Header values: as names, and tabs too. */
    static boolean headerValue(String text) {
        return allowed(text, true);
    }

    private static boolean allowed(String text, boolean tabs) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean printableAscii = c >= 0x20 && c < 0x7f; // nearly every header: no table look-up
            if (!printableAscii && !(tabs && c == '\t')
                    && (Character.isISOControl(c) || Character.getType(c) == Character.UNASSIGNED)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
