package org.actionlearning.command.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.actionlearning.service.security.Callers;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the signed-in user how their password was last set when someone else could have known it: through a
 * one-time link (an administrator who issued it could have used it themself) or at the account's creation. Their
 * own pages show it, so that an administrator who signed in as them cannot do so unseen.
 */
@RestController
@Tag(name = "Identity", description = "Tokens and users of the built-in identity store")
class PasswordNoticeController {

    static final String PATH = "/api/account/password-notice";

    private final AccountAudit audit;

    PasswordNoticeController(AccountAudit audit) {
        this.audit = audit;
    }

    /** @param notice null when the password was last set by the user themself (or nothing is recorded) */
    record PasswordNotice(@JsonInclude(JsonInclude.Include.ALWAYS) String notice, String by, Instant linkIssuedAt,
                          Instant setAt) {
    }

    @GetMapping(PATH)
    @Operation(summary = "How the signed-in user's password was last set", description = "Through a link issued by "
            + "whom and when, or by whom at the account's creation; notice null when the user set it themself.")
    ResponseEntity<PasswordNotice> notice() {
        PasswordNotice notice = audit.lastPasswordSet(Callers.current().username())
                .filter(set -> set.action() != AccountAudit.Action.PASSWORD_CHANGED_BY_SELF)
                .map(set -> new PasswordNotice(text(set), set.by(), set.linkIssuedAt(), set.at()))
                .orElse(new PasswordNotice(null, null, null, null));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(notice);
    }

    private static String text(AccountAudit.PasswordSet set) {
        return set.action() == AccountAudit.Action.PASSWORD_SET_WITH_LINK
                ? "Your password was set through a link issued by " + set.by() + " on " + day(set.linkIssuedAt())
                        + " (set on " + day(set.at()) + "). If you did not use that link yourself, tell your "
                        + "administrator."
                : "Your password was set by " + set.by() + " when they created your account on " + day(set.at())
                        + ", so they know it: ask for a set-password link to choose your own.";
    }

    private static String day(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
