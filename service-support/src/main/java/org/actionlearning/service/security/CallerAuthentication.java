package org.actionlearning.service.security;

import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated request, however it proved who it is (password, bearer token): its principal is the caller. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final String bearerToken;

    public CallerAuthentication(Caller caller) {
        this(caller, null);
    }

    /** @param bearerToken the caller's token, kept where a page must call the other service on their behalf */
    public CallerAuthentication(Caller caller, String bearerToken) {
        super(caller.grants().stream().map(g -> new SimpleGrantedAuthority("ROLE_" + g.role())).distinct().toList());
        this.caller = caller;
        this.bearerToken = bearerToken;
        setAuthenticated(true);
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
