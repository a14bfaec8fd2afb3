package org.actionlearning.command.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.CallerAuthentication;
import org.actionlearning.service.security.Grant;
import org.actionlearning.service.security.ProvenPasswords;
import org.actionlearning.service.security.Role;
import org.actionlearning.service.security.SecurityProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password against the identity store. Bcrypt is slow on purpose (~0.1 s), so a password
 * proven once against the account's current hash is remembered for a minute as a salted digest (never the password
 * itself): HTTP Basic clients send it with every request. Keyed by the hash, so the old password stops working the
 * moment the hash changes. The built-in {@code service} user, for calls between the services, has its password
 * in configuration. An unknown username is checked against the hash of a random secret, so it costs the same
 * bcrypt as a wrong password.
 */
@Component
public class PasswordCallers implements AuthenticationProvider {

    public static final String SERVICE_USER = "service";

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final SecurityProperties security;
    private final ProvenPasswords<Boolean> proven = new ProvenPasswords<>();
    /** Checked against for unknown usernames, so they take as long as a wrong password (no enumeration by time). */
    private final String unknownUserHash;

    public PasswordCallers(UserAccounts accounts, PasswordEncoder encoder, SecurityProperties security) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.security = security;
        this.unknownUserHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        return new CallerAuthentication(caller(username, password)
                .orElseThrow(() -> new BadCredentialsException("unknown user or wrong password")));
    }

    public Optional<Caller> caller(String username, String password) {
        if (SERVICE_USER.equals(username)) {
            return service(password); // a comparison with configuration: nothing to remember
        }
        // the account is read on every request (an indexed row, far cheaper than bcrypt); what is remembered is only
        // that this password matched this very hash, so a change, reset or new link takes effect at once, on every
        // instance, and the grants are always the current ones
        Optional<Account> account = accounts.find(username);
        if (account.isEmpty()) {
            encoder.matches(password, unknownUserHash); // the same time as a wrong password
            return Optional.empty();
        }
        String hash = account.get().passwordHash();
        String provenAgainst = username + "\u0000" + hash;
        if (proven.get(provenAgainst, password).isEmpty()) {
            if (!encoder.matches(password, hash)) {
                return Optional.empty();
            }
            proven.remember(provenAgainst, password, Boolean.TRUE, Instant.now().plus(ProvenPasswords.REMEMBERED));
        }
        return account.map(Account::caller);
    }

    private Optional<Caller> service(String password) {
        String expected = security.servicePassword();
        boolean matches = expected != null && !expected.isBlank() && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        return matches ? Optional.of(new Caller(SERVICE_USER, null, Set.of(new Grant(Role.SERVICE, Grant.EVERYWHERE))))
                : Optional.empty();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
