package org.actionlearning.command.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.actionlearning.command.domain.DomainRuleViolation;
import org.actionlearning.command.domain.UnknownEntity;
import org.actionlearning.command.identity.AccountEmails.Held;
import org.actionlearning.service.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own email address for reminders of their due actions. Only the account's user sets it (an
 * opt-in: nobody else gives the platform a person's address) and reads it: it is kept apart from the contact address
 * an administrator may give the account, and no administrator sees it. It is cleared when their person is erased. Accounts
 * of an OpenID Connect provider are not stored here and have no address.
 */
@RestController
@RequestMapping("/api/account/email")
@Tag(name = "Identity", description = "Tokens and users of the built-in identity store")
class AccountEmailController {

    private final AccountEmails emails;

    AccountEmailController(AccountEmails emails) {
        this.emails = emails;
    }

    /** @param email null: no reminders by email */
    record ReminderAddress(@JsonInclude(JsonInclude.Include.ALWAYS) @EmailAddress String email) {
    }

    @GetMapping
    @Operation(summary = "The signed-in user's email address for reminders (null if none)")
    ReminderAddress get() {
        return new ReminderAddress(account().email());
    }

    @PutMapping
    @Operation(summary = "Set (or, with null or blank, remove) the signed-in user's email address for reminders",
            description = "Only accounts that are a person in the sets have one: reminders are of that person's "
                    + "actions.")
    ReminderAddress put(@Valid @RequestBody ReminderAddress request) {
        Held held = account();
        String email = request.email() == null || request.email().isBlank() ? null : request.email().trim();
        if (email != null && held.personId() == null) {
            throw new DomainRuleViolation("email", "this account is no person in the sets: it has no actions to be "
                    + "reminded of");
        }
        emails.set(Callers.current().username(), email);
        return new ReminderAddress(email);
    }

    private Held account() {
        return emails.of(Callers.current().username()).orElseThrow(() -> new UnknownEntity("username",
                "the signed-in user has no account in the built-in identity store"));
    }
}
