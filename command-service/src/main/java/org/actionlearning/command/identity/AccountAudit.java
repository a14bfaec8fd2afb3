package org.actionlearning.command.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The account-administration audit: every set-password link issued (by whom, for whom, when) and every password
 * set other than by its user signed in. An administrator can still issue a link and use it themself; this record,
 * and the notice the user is shown after signing in ({@link #setByOthersSinceOwnChoice}), make that visible.
 */
@Component
class AccountAudit {

    enum Action { LINK_ISSUED, PASSWORD_SET_WITH_LINK, PASSWORD_SET_AT_CREATION, PASSWORD_CHANGED_BY_SELF }

    /** How the account's password was last set: by whom (the link's issuer, or the account's creator) and when. */
    record PasswordSet(Action action, String by, Instant linkIssuedAt, Instant at) {
    }

    private final JdbcTemplate jdbc;

    AccountAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String username, Action action, String doneBy, Instant linkIssuedAt) {
        jdbc.update("insert into account_audit (username, action, done_by, link_issued_at) values (?, ?, ?, ?)",
                username, action.name(), doneBy, linkIssuedAt == null ? null : Timestamp.from(linkIssuedAt));
    }

    /**
     * Every password set by someone else (at creation, through a link) since the user last chose their own, oldest
     * first: a later link the user used themself must not hide an earlier one an administrator may have used.
     */
    List<PasswordSet> setByOthersSinceOwnChoice(String username) {
        return jdbc.query("select action, done_by, link_issued_at, at from account_audit a where username = ? "
                        + "and action in ('PASSWORD_SET_WITH_LINK', 'PASSWORD_SET_AT_CREATION') "
                        + "and id > coalesce((select max(id) from account_audit s where s.username = a.username "
                        + "and s.action = 'PASSWORD_CHANGED_BY_SELF'), 0) order by at, id",
                (rs, n) -> passwordSet(rs), username);
    }

    private static PasswordSet passwordSet(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PasswordSet(Action.valueOf(rs.getString(1)), rs.getString(2),
                rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant());
    }
}
