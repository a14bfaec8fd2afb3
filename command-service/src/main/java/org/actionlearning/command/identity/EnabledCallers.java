package org.actionlearning.command.identity;

import org.actionlearning.service.security.CallerAuthentication;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;

/**
 * A password or token check that also refuses a disabled user (401): tokens already issued to them stop working,
 * and a password remembered from a sign-in a moment ago does not let them back in. A token issued before the user's
 * last disable stays refused once they are enabled again, and so does one issued before the password was last changed
 * or reset; a token loses the grants taken from its account since it was issued.
 */
record EnabledCallers(AuthenticationProvider delegate, DisabledUsers disabled, UserAccounts accounts)
        implements AuthenticationProvider {

    @Override
    public Authentication authenticate(Authentication authentication) {
        Authentication result = delegate.authenticate(authentication);
        if (result != null && disabled.isDisabled(result.getName())) {
            throw new DisabledException("the user is disabled");
        }
        if (result instanceof CallerAuthentication caller && caller.issuedAt().isPresent()) {
            // read on every request: a password changed or reset on another instance ends the token here at once
            if (disabled.isRevoked(caller)
                    || caller.issuedBefore(accounts.tokensNotBefore(caller.getName()).orElse(null))) {
                throw new DisabledException("the token was issued before the account's password was changed or "
                        + "before it was disabled: sign in again");
            }
            // read on every request, as a password's grants are: a grant taken is gone at once, on every instance
            return caller.withoutRevoked(accounts.revokedGrants(caller.getName()));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
