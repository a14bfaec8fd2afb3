package org.actionlearning.command.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sets a password with a one-time link (no sign-in: the link is the proof). The password rules are those of
 * every new password; an unknown, used or expired link, or one of a disabled user, is a 400 naming the token and
 * saying no more.
 */
@RestController
@Tag(name = "Identity", description = "Tokens and users of the built-in identity store")
class SetPasswordController {

    static final String PATH = "/api/auth/set-password";
    /** Whether a link works, and for whom: the set-password page asks before it shows its form. */
    static final String CHECK_PATH = PATH + "/check";

    private final SetPasswordLinks links;
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final PasswordRules passwords;
    private final AccountAudit audit;

    SetPasswordController(SetPasswordLinks links, UserAccounts accounts, PasswordEncoder encoder,
                          PasswordRules passwords, AccountAudit audit) {
        this.audit = audit;
        this.links = links;
        this.accounts = accounts;
        this.encoder = encoder;
        this.passwords = passwords;
    }

    record SetPassword(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 200) String password) {

        @Override
        public String toString() {
            return "SetPassword[]"; // neither the token nor the password, whoever logs the request
        }
    }

    @PostMapping(PATH)
    @Transactional
    @Operation(summary = "Set a password with a one-time link", description = "No sign-in: the link's token is "
            + "the proof. Answers the user name to sign in with.")
    ResponseEntity<Map<String, String>> setPassword(@Valid @RequestBody SetPassword request) {
        String username = links.holder(request.token()).orElseThrow(() -> invalidLink());
        passwords.requireStrong("password", username, request.password());
        if (!links.use(request.token())) {
            throw invalidLink();
        }
        accounts.change(username, encoder.encode(request.password()), null);
        // the issuer could have used the link themself: recorded, and told to the user on their pages
        SetPasswordLinks.Issued issued = links.issued(request.token()).orElse(new SetPasswordLinks.Issued(null, null));
        audit.record(username, AccountAudit.Action.PASSWORD_SET_WITH_LINK,
                issued.by() == null ? "an administrator" : issued.by(), issued.at());
        return ResponseEntity.ok(Map.of("username", username));
    }

    record LinkToCheck(@NotBlank @Size(max = 100) String token) {

        @Override
        public String toString() {
            return "LinkToCheck[]"; // not the token, whoever logs the request
        }
    }

    @PostMapping(CHECK_PATH)
    @Operation(summary = "Check a one-time set-password link", description = "No sign-in: the link's token is the "
            + "proof. Answers the user name the link sets the password of; an unknown, used or expired link, or one "
            + "of a disabled user, is a 400 naming the token. Uses nothing up.")
    ResponseEntity<Map<String, String>> check(@Valid @RequestBody LinkToCheck request) {
        return ResponseEntity.ok(Map.of("username", links.holder(request.token()).orElseThrow(() -> invalidLink())));
    }

    private static InvalidCommandValue invalidLink() {
        return new InvalidCommandValue("token", "this link does not work (any more): links work once and expire; "
                + "ask your administrator for a new one");
    }
}
