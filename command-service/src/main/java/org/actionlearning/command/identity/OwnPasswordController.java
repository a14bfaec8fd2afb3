package org.actionlearning.command.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.command.domain.UnknownEntity;
import org.actionlearning.service.Problems;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.SecurityProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every signed-in user of the built-in identity store changes their own password here, giving the current one: a
 * token left open on a shared screen is then not enough to take the account. A wrong current password counts as a
 * failed sign-in (the same {@link SignInThrottle} buckets, so guessing here gains nothing over guessing at sign-in).
 * The new password meets the rules of every new password. As after any change of password, tokens issued before it
 * are not renewed ({@link TokenIssuer#PASSWORD_VERSION}); the change is recorded in the account audit.
 */
@RestController
@Tag(name = "Identity", description = "Tokens and users of the built-in identity store")
class OwnPasswordController {

    static final String PATH = "/api/account/password";

    private final UserAccounts accounts;
    private final PasswordCallers callers;
    private final PasswordEncoder encoder;
    private final PasswordRules passwords;
    private final SignInThrottle throttle;
    private final SecurityProperties security;
    private final AccountAudit audit;

    OwnPasswordController(UserAccounts accounts, PasswordCallers callers, PasswordEncoder encoder,
                          PasswordRules passwords, SignInThrottle throttle, SecurityProperties security,
                          AccountAudit audit) {
        this.accounts = accounts;
        this.callers = callers;
        this.encoder = encoder;
        this.passwords = passwords;
        this.throttle = throttle;
        this.security = security;
        this.audit = audit;
    }

    record PasswordChange(@NotBlank @Size(max = 200) String currentPassword,
                          @NotBlank @Size(max = 200) String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[]"; // never a password, whoever logs the request
        }
    }

    @PostMapping(PATH)
    @Transactional
    @Operation(summary = "Change your own password", description = "Any signed-in user of the built-in identity "
            + "store, with their current password (400 naming currentPassword if wrong; failures are throttled as "
            + "sign-ins are, 429). The new password follows the rules of every new password (400 naming "
            + "newPassword). Tokens issued before the change are not renewed.")
    ResponseEntity<Object> change(@Valid @RequestBody PasswordChange request, HttpServletRequest http) {
        String username = Callers.current().username();
        if (PasswordCallers.SERVICE_USER.equals(username) || !accounts.exists(username)) {
            throw new UnknownEntity("username", "the signed-in user has no account in the built-in identity store");
        }
        PasswordRules.requireWithinLimit("currentPassword", request.currentPassword());
        String client = SignInGuard.client(http, security.servicePassword());
        Optional<Duration> wait = throttle.refusedFor(username, client);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many wrong passwords",
                            "currentPassword", "too many wrong passwords for this account or from this address; "
                                    + "try again in " + seconds + " s"));
        }
        if (callers.caller(username, request.currentPassword()).isEmpty()) {
            throw wrongCurrentPassword(username, client);
        }
        passwords.requireStrong("newPassword", username, request.newPassword());
        if (request.newPassword().equals(request.currentPassword())) {
            throw new InvalidCommandValue("newPassword", "is your current password: choose a new one");
        }
        accounts.change(username, encoder.encode(request.newPassword()), null);
        audit.record(username, AccountAudit.Action.PASSWORD_CHANGED_BY_SELF, username, null);
        return ResponseEntity.ok(Map.of("username", username));
    }

    private InvalidCommandValue wrongCurrentPassword(String username, String client) {
        throttle.failed(username, client);
        return new InvalidCommandValue("currentPassword", "is not your current password");
    }
}
