package org.actionlearning.command.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The member's own optional address for reminders of their due actions (column {@code reminder_email}), apart from
 * the contact address an administrator may give the account: only the account's user sets or reads it.
 */
@Component
class AccountEmails {

    /** An account and what it holds: its person (null: none) and its address (null: none). */
    record Held(UUID personId, String email) {
    }

    private final JdbcTemplate jdbc;

    AccountEmails(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Held> of(String username) {
        return jdbc.query("select person_id, reminder_email from app_user where username = ?",
                (rs, n) -> new Held(rs.getObject(1, UUID.class), rs.getString(2)), username).stream().findFirst();
    }

    void set(String username, String email) {
        jdbc.update("update app_user set reminder_email = ? where username = ?", email, username);
    }
}
