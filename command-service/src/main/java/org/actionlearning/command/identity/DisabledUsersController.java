package org.actionlearning.command.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.TreeMap;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.NotPermitted;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The disabled users, for the query service: it checks tokens and keeps sessions itself, so it asks here which
 * users to refuse. The platform's services and operators only (user names are not every caller's to list).
 */
@RestController
@Tag(name = "Identity", description = "Tokens and users of the built-in identity store")
class DisabledUsersController {

    static final String PATH = "/api/auth/disabled";

    private final UserAccounts accounts;

    DisabledUsersController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(PATH)
    @Operation(summary = "List disabled users", description = "The platform's services (and ADMIN:*) only: the "
            + "user names whose sign-ins and tokens are refused, and per user the instant before which their tokens are "
            + "refused (their last disable or password change) and the grants taken from them, each with the instant before which a token's "
            + "copy of it no longer counts.")
    Map<String, Object> disabled() {
        Caller caller = Callers.current();
        if (!caller.isService() && !caller.isPlatformAdmin()) {
            throw new NotPermitted("the list of disabled users is for the platform's services");
        }
        // tokensNotBefore: per user, the last disable or password change; tokens issued before it are refused (also
        // once re-enabled)
        Map<String, String> notBefore = new TreeMap<>();
        // read afresh (not this instance's few-seconds copy): a password changed a moment ago is told at once
        accounts.tokensNotBefore().forEach((user, instant) -> notBefore.put(user, instant.toString()));
        // revokedGrants: per user, each grant taken and when; tokens issued before then no longer count it
        Map<String, Map<String, String>> revoked = new TreeMap<>();
        accounts.revokedGrants().forEach((user, grants) -> grants.forEach((grant, instant) ->
                revoked.computeIfAbsent(user, u -> new TreeMap<>()).put(grant.claim(), instant.toString())));
        return Map.of("usernames", accounts.disabledUsernames().stream().sorted().toList(),
                "tokensNotBefore", notBefore, "revokedGrants", revoked);
    }
}
