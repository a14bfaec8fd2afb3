package org.actionlearning.service.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated request, however it proved who it is (password, bearer token): its principal is the caller. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    /** The authority of an administrator of every organisation (management.endpoint.health.roles). */
    public static final String OPERATOR = "ROLE_OPERATOR";

    private final Caller caller;
    private final String bearerToken;
    private final Instant issuedAt;

    public CallerAuthentication(Caller caller) {
        this(caller, null, null);
    }

    /** @param bearerToken the caller's token, kept where a page must call the other service on their behalf */
    public CallerAuthentication(Caller caller, String bearerToken) {
        this(caller, bearerToken, null);
    }

    /**
     * @param issuedAt when the token behind this was issued (its {@code iat}), null for a password checked just now:
     *                 a token or session from before an account's {@link #issuedBefore not-before} is refused
     */
    public CallerAuthentication(Caller caller, String bearerToken, Instant issuedAt) {
        super(authorities(caller));
        this.caller = caller;
        this.bearerToken = bearerToken;
        this.issuedAt = issuedAt;
        setAuthenticated(true);
    }

    /**
     * Whether the token behind this was issued before {@code notBefore} (the account's last disable). A token's
     * {@code iat} has whole seconds, so one issued in the second of the disable counts as before it: refusing a
     * sign-in made in that same second is the safe side.
     */
    public boolean issuedBefore(Instant notBefore) {
        if (issuedAt == null || notBefore == null) {
            return false;
        }
        Instant firstWholeSecond = notBefore.getNano() == 0 ? notBefore
                : notBefore.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        return issuedAt.isBefore(firstWholeSecond);
    }

    /**
     * This caller without the grants taken from the account after its token was issued ({@code revoked}: each
     * grant taken, and when). A token names the grants its account held when it was issued; one taken since (a
     * facilitator replaced) gives no authority. A password checked just now ({@code issuedAt} null) read the
     * current grants already.
     */
    public CallerAuthentication withoutRevoked(java.util.Map<Grant, Instant> revoked) {
        if (revoked == null || revoked.isEmpty()) {
            return this;
        }
        java.util.Set<Grant> kept = new java.util.HashSet<>(caller.grants());
        if (!kept.removeIf(grant -> issuedBefore(revoked.get(grant)))) {
            return this;
        }
        CallerAuthentication reduced = new CallerAuthentication(new Caller(caller.username(), caller.personId(), kept),
                bearerToken, issuedAt);
        reduced.setDetails(getDetails());
        return reduced;
    }

    /**
     * One role per granted role, and OPERATOR for an administrator of every organisation: health details name
     * aggregates of all organisations, so they are shown to operators only.
     */
    private static List<GrantedAuthority> authorities(Caller caller) {
        Stream<String> roles = caller.grants().stream().map(grant -> "ROLE_" + grant.role());
        Stream<String> operator = caller.grants().contains(new Grant(Role.ADMIN, Grant.EVERYWHERE))
                ? Stream.of(OPERATOR) : Stream.empty();
        return Stream.concat(roles, operator).distinct().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    /** When the token behind this was issued; empty for a password checked just now. */
    public Optional<Instant> issuedAt() {
        return Optional.ofNullable(issuedAt);
    }

    public Optional<String> bearerToken() {
        return Optional.ofNullable(bearerToken);
    }

    @Override
    public Object getCredentials() {
        return ""; // never kept: a password or token has done its job once the caller is known
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.username();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallerAuthentication o && o.caller.equals(caller);
    }

    @Override
    public int hashCode() {
        return caller.hashCode();
    }

}
