package org.actionlearning.service.security;

import java.util.Locale;
import java.util.UUID;

/**
 * One scoped role. The scope is an organisation name for ADMIN ({@link #EVERYWHERE} for the platform's operators),
 * a programme id for SPONSOR, a set id for FACILITATOR and MEMBER. Written {@code ROLE:scope} in tokens.
 */
public record Grant(Role role, String scope) {

    public static final String EVERYWHERE = "*";

    public Grant {
        if (role == null || scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("a grant needs a role and a scope");
        }
        if (role == Role.SPONSOR || role == Role.FACILITATOR || role == Role.MEMBER) {
            // throws IllegalArgumentException: programme and set scopes are ids; written as every id is written
            // (lower case, full length), or an upper-case copy would match nothing and outlive its member's removal
            scope = UUID.fromString(scope).toString();
        }
    }

    public static Grant parse(String claim) {
        int colon = claim.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("'" + claim + "' is not ROLE:scope");
        }
        return new Grant(Role.valueOf(claim.substring(0, colon).toUpperCase(Locale.ROOT)), claim.substring(colon + 1));
    }

    public String claim() {
        return role + ":" + scope;
    }

    boolean covers(Role wanted, String wantedScope) {
        return role == wanted && (scope.equals(wantedScope) || scope.equals(EVERYWHERE));
    }
}
