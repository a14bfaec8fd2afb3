package org.actionlearning.command.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time set-password links: a way in for a user an administrator created, or whose password they reset. The
 * token is 256 random bits; only its SHA-256 digest is stored (a leaked table opens nothing, and a token this
 * random needs no slow hash). A new link replaces the user's unused ones; a link works once, until it expires.
 */
@Component
public class SetPasswordLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final IdentityProperties properties;
    private final AccountAudit audit;

    SetPasswordLinks(JdbcTemplate jdbc, IdentityProperties properties, AccountAudit audit) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
    }

    /** Who issued a link and when: told to the user whose password is set with it. */
    record Issued(String by, Instant at) {
    }

    /** A link to hand to the user: the token (shown once) and when it stops working. */
    public record Link(String token, String url, Instant expiresAt) {

        @Override
        public String toString() {
            return "Link[expires " + expiresAt + "]"; // never the token, whoever logs it
        }
    }

    /** A new link for {@code username}, recorded in the account audit as issued by {@code issuedBy}. */
    @Transactional
    public Link issue(String username, String issuedBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = Instant.now().plus(properties.setPasswordLinkTtl());
        jdbc.update("delete from set_password_link where username = ? and used_at is null", username);
        jdbc.update("insert into set_password_link (token_digest, username, expires_at, issued_by) "
                + "values (?, ?, ?, ?)", digest(token), username, Timestamp.from(expiresAt), issuedBy);
        audit.record(username, AccountAudit.Action.LINK_ISSUED, issuedBy, null);
        return new Link(token, properties.setPasswordUrl() + "?token=" + token, expiresAt);
    }

    /** The user a token is a working link for (unused, not expired, user not disabled); nothing is changed. */
    Optional<String> holder(String token) {
        return jdbc.queryForList("select l.username from set_password_link l join app_user u using (username) "
                + "where l.token_digest = ? and l.used_at is null and l.expires_at > now() "
                + "and u.disabled_at is null", String.class, digest(token)).stream().findFirst();
    }

    /** Uses the link up; false if it was used (or expired) meanwhile, so of two at once only one sets a password. */
    boolean use(String token) {
        return jdbc.update("update set_password_link set used_at = now() where token_digest = ? "
                + "and used_at is null and expires_at > now()", digest(token)) == 1;
    }

    Optional<Issued> issued(String token) {
        return jdbc.query("select issued_by, issued_at from set_password_link where token_digest = ?",
                (rs, n) -> new Issued(rs.getString(1), rs.getTimestamp(2).toInstant()), digest(token))
                .stream().findFirst();
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
