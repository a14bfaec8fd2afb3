package org.actionlearning.command.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The optional email address of an account of the built-in identity store: where its person's reminders go. */
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
        return jdbc.query("select person_id, email from app_user where username = ?",
                (rs, n) -> new Held(rs.getObject(1, UUID.class), rs.getString(2)), username).stream().findFirst();
    }

    void set(String username, String email) {
        jdbc.update("update app_user set email = ? where username = ?", email, username);
    }
}
