package org.actionlearning.command.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.actionlearning.service.security.Callers;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the signed-in user every time their password was set when someone else could have known it, since they
 * last chose it themself: through a one-time link (an administrator who issued it could have used it themself) or
 * at the account's creation. Their
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

    /**
     * @param notice null when the user chose their password themself after anyone else set it (or nothing is
     *               recorded); else every password set by others since, in one text
     * @param by     who set the latest of those (the link's issuer or the account's creator), as its link and time
     * @param sets   each of those, oldest first
     */
    record PasswordNotice(@JsonInclude(JsonInclude.Include.ALWAYS) String notice, String by, Instant linkIssuedAt,
                          Instant setAt, List<SetByOther> sets) {
    }

    /** One password set by someone else: through a link ({@code linkIssuedAt} set) or at the account's creation. */
    record SetByOther(String by, Instant linkIssuedAt, Instant setAt) {
    }

    @GetMapping(PATH)
    @Operation(summary = "How the signed-in user's password was set by others", description = "Every password set "
            + "through a link (issued by whom, when) or at the account's creation since the user last chose their own; "
            + "notice null when there is none.")
    ResponseEntity<PasswordNotice> notice() {
        List<AccountAudit.PasswordSet> sets = told(audit.setByOthersSinceOwnChoice(Callers.current().username()));
        if (sets.isEmpty()) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .body(new PasswordNotice(null, null, null, null, List.of()));
        }
        AccountAudit.PasswordSet last = sets.get(sets.size() - 1);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new PasswordNotice(text(sets),
                last.by(), last.linkIssuedAt(), last.at(),
                sets.stream().map(set -> new SetByOther(set.by(), set.linkIssuedAt(), set.at())).toList()));
    }

    /**
     * Every link-set password, and the password set at creation while it is still the one in force (once a link
     * replaced it, the creator's knowledge of it no longer opens the account).
     */
    private static List<AccountAudit.PasswordSet> told(List<AccountAudit.PasswordSet> sets) {
        return java.util.stream.IntStream.range(0, sets.size())
                .filter(i -> sets.get(i).action() == AccountAudit.Action.PASSWORD_SET_WITH_LINK || i == sets.size() - 1)
                .mapToObj(sets::get).toList();
    }

    static String text(List<AccountAudit.PasswordSet> sets) {
        if (sets.size() == 1) {
            AccountAudit.PasswordSet set = sets.get(0);
            return set.action() == AccountAudit.Action.PASSWORD_SET_WITH_LINK
                    ? "Your password was set through a link issued by " + set.by() + " on "
                            + day(set.linkIssuedAt()) + " (set on " + day(set.at()) + "). If you did not use that "
                            + "link yourself, tell your administrator."
                    : "Your password was set by " + set.by() + " when they created your account on " + day(set.at())
                            + ", so they know it: ask for a set-password link to choose your own.";
        }
        // several: all set through links (a password set at creation is told only while it is the one in force)
        String each = sets.stream().map(set -> "issued by " + set.by() + " on " + day(set.linkIssuedAt())
                        + " (set on " + day(set.at()) + ")").collect(java.util.stream.Collectors.joining("; "));
        return "Your password was set through " + sets.size() + " links since you last chose it yourself: " + each
                + ". If you did not use each of those links yourself, tell your administrator.";
    }

    private static String day(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
