package org.actionlearning.service.security;

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

    public CallerAuthentication(Caller caller) {
        this(caller, null);
    }

    /** @param bearerToken the caller's token, kept where a page must call the other service on their behalf */
    public CallerAuthentication(Caller caller, String bearerToken) {
        super(authorities(caller));
        this.caller = caller;
        this.bearerToken = bearerToken;
        setAuthenticated(true);
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
