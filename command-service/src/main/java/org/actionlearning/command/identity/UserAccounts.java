package org.actionlearning.command.identity;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.actionlearning.service.security.Grant;
import org.actionlearning.service.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The users table and their grants. */
@Repository
public class UserAccounts {

    private final JdbcTemplate jdbc;

    public UserAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String username) {
        return jdbc.query("select password_hash, person_id, email, disabled_at is not null from app_user "
                        + "where username = ?",
                (rs, n) -> new Account(username, rs.getString(1), rs.getObject(2, UUID.class), grantsOf(username),
                        rs.getString(3), rs.getBoolean(4)),
                username).stream().findFirst();
    }

    boolean exists(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from app_user where username = ?)",
                Boolean.class, username));
    }

    /** @return false if the username is taken */
    @Transactional
    public boolean create(Account account, String createdBy) {
        int inserted = jdbc.update("insert into app_user (username, password_hash, person_id, created_by, email) "
                + "values (?, ?, ?, ?, ?) on conflict (username) do nothing",
                account.username(), account.passwordHash(), account.personId(), createdBy, account.email());
        if (inserted == 0) {
            return false;
        }
        for (Grant grant : account.grants()) {
            jdbc.update("insert into user_grant (username, role, scope) values (?, ?, ?)",
                    account.username(), grant.role().name(), grant.scope());
        }
        return true;
    }

    /**
     * Replaces the password hash and/or the grants (null: unchanged). A new password ends every token and page
     * session issued before it ({@code tokens_not_before}): whoever signed in with the old one must sign in again.
     */
    @Transactional
    public void change(String username, String passwordHash, Set<Grant> grants) {
        if (passwordHash != null) {
            jdbc.update("update app_user set password_hash = ?, tokens_not_before = clock_timestamp()"
                    + " where username = ?", passwordHash, username);
        }
        if (grants != null) {
            Set<Grant> taken = grantsOf(username);
            taken.removeAll(grants);
            taken.forEach(grant -> revoke(username, grant));
            jdbc.update("delete from user_grant where username = ?", username);
            for (Grant grant : grants) {
                give(username, grant);
            }
        }
    }

    /**
     * Replaces the grants {@code within} selects (an administrator's organisations) by {@code grants}, leaving the
     * account's other grants as they are. The account's row is locked first, so two replacements at once (each
     * organisation's administrator, or one and a platform administrator) both stand rather than one undoing the other.
     */
    @Transactional
    public void replaceGrants(String username, Predicate<Grant> within, Set<Grant> grants) {
        jdbc.query("select 1 from app_user where username = ? for update", rs -> { }, username);
        Set<Grant> kept = new HashSet<>(grantsOf(username));
        kept.removeIf(within);
        kept.addAll(grants);
        change(username, null, kept);
    }

    /**
     * Who facilitates {@code setId} from now on, in the transaction of the change: every account holding
     * FACILITATOR:&lt;set&gt; loses it (and its tokens stop counting it), but the account of {@code facilitatorId}, which
     * gets it if it has none. A new person has no account yet: the administrator makes one with the grant.
     */
    public void handOverFacilitation(UUID setId, UUID facilitatorId) {
        Grant grant = new Grant(Role.FACILITATOR, setId.toString());
        List<String> holders = jdbc.queryForList("select g.username from user_grant g join app_user u"
                + " on u.username = g.username where g.role = ? and g.scope = ? and u.person_id is distinct from ?",
                String.class, grant.role().name(), grant.scope(), facilitatorId);
        for (String holder : holders) {
            jdbc.update("delete from user_grant where username = ? and role = ? and scope = ?",
                    holder, grant.role().name(), grant.scope());
            revoke(holder, grant);
        }
        jdbc.queryForList("select username from app_user where person_id = ?", String.class, facilitatorId)
                .forEach(account -> give(account, grant));
    }

    /**
     * A member leaves the set, in the transaction of the change: the accounts of that person lose MEMBER:&lt;set&gt;
     * (and their tokens stop counting it).
     */
    public void endMembership(UUID setId, UUID personId) {
        Grant grant = new Grant(Role.MEMBER, setId.toString());
        List<String> holders = jdbc.queryForList("select g.username from user_grant g join app_user u"
                + " on u.username = g.username where g.role = ? and g.scope = ? and u.person_id = ?",
                String.class, grant.role().name(), grant.scope(), personId);
        for (String holder : holders) {
            jdbc.update("delete from user_grant where username = ? and role = ? and scope = ?",
                    holder, grant.role().name(), grant.scope());
            revoke(holder, grant);
        }
    }

    /** The grants taken from each account, and when (tokens issued before then no longer count them). */
    Map<String, Map<Grant, Instant>> revokedGrants() {
        Map<String, Map<Grant, Instant>> revoked = new HashMap<>();
        jdbc.query("select username, role, scope, revoked_at from revoked_grant", rs -> {
            revoked.computeIfAbsent(rs.getString(1), user -> new HashMap<>())
                    .put(new Grant(Role.valueOf(rs.getString(2)), rs.getString(3)), rs.getTimestamp(4).toInstant());
        });
        return revoked;
    }

    /** The grants taken from one account, and when. */
    Map<Grant, Instant> revokedGrants(String username) {
        Map<Grant, Instant> revoked = new HashMap<>();
        jdbc.query("select role, scope, revoked_at from revoked_grant where username = ?", rs -> {
            revoked.put(new Grant(Role.valueOf(rs.getString(1)), rs.getString(2)), rs.getTimestamp(3).toInstant());
        }, username);
        return revoked;
    }

    /**
     * A token issued until the transaction commits may still read the grant: the revocation reaches a few seconds
     * past this statement, so that such a token loses it too (tokens issued later do not carry it anyway).
     */
    private void revoke(String username, Grant grant) {
        jdbc.update("insert into revoked_grant (username, role, scope, revoked_at)"
                + " values (?, ?, ?, clock_timestamp() + interval '5 seconds')"
                + " on conflict (username, role, scope) do update set revoked_at = excluded.revoked_at",
                username, grant.role().name(), grant.scope());
    }

    /**
     * Given (again): tokens issued from now on carry it. A token from before an earlier revocation stays without
     * it (the record stays), so giving a grant back does not revive the tokens that were ended with it; the
     * revocation's margin into the future is cut to now, so tokens issued from the next whole second on count it
     * (a token's issue time has whole seconds; the token endpoint waits for that second).
     */
    private void give(String username, Grant grant) {
        jdbc.update("insert into user_grant (username, role, scope) values (?, ?, ?) on conflict do nothing",
                username, grant.role().name(), grant.scope());
        jdbc.update("update revoked_grant set revoked_at = least(revoked_at, clock_timestamp())"
                + " where username = ? and role = ? and scope = ?", username, grant.role().name(), grant.scope());
    }

    /** The account's contact address, given by an administrator (null: none). */
    void setContactEmail(String username, String email) {
        jdbc.update("update app_user set email = ? where username = ?", email, username);
    }

    /**
     * Whether this person has an account already. Takes a lock on the person for the rest of the transaction, so
     * two accounts made for one person at once cannot both pass the check.
     */
    boolean hasAccount(UUID personId) {
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> { }, personId.toString());
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from app_user where person_id = ?)",
                Boolean.class, personId));
    }

    String createdBy(String username) {
        return jdbc.queryForList("select created_by from app_user where username = ?", String.class, username)
                .stream().findFirst().orElse(null);
    }

    List<Account> all() {
        return jdbc.query("select username, person_id, email, disabled_at is not null from app_user order by username",
                (rs, n) -> new Account(rs.getString(1), null, rs.getObject(2, UUID.class),
                        grantsOf(rs.getString(1)), rs.getString(3), rs.getBoolean(4)));
    }

    /**
     * Disables or enables a user; a disabled user's unused set-password links go with it, and every token issued
     * to them before now stays refused after they are enabled again ({@code tokens_not_before}).
     */
    @Transactional
    public void disable(String username, boolean disabled) {
        jdbc.update("update app_user set disabled_at = case when ? then coalesce(disabled_at, now()) end, "
                + "tokens_not_before = case when ? then now() else tokens_not_before end "
                + "where username = ?", disabled, disabled, username);
        if (disabled) {
            jdbc.update("delete from set_password_link where username = ? and used_at is null", username);
        }
    }

    /**
     * Disables every account of the person and takes away all their grants (erasure), in the caller's
     * transaction; tokens issued before now are refused, as for {@link #disable}.
     *
     * @return the user names of the person's accounts
     */
    List<String> endAccountsOf(UUID personId) {
        List<String> usernames = jdbc.queryForList("select username from app_user where person_id = ? "
                + "and username <> ?", String.class, personId, PasswordCallers.SERVICE_USER);
        for (String username : usernames) {
            disable(username, true);
            jdbc.update("delete from user_grant where username = ?", username);
        }
        return usernames;
    }

    /** Never the service user: a row of that name (made before it was reserved) must not refuse the services. */
    List<String> disabledUsernames() {
        return jdbc.queryForList("select username from app_user where disabled_at is not null and username <> ?",
                String.class, PasswordCallers.SERVICE_USER);
    }

    /**
     * The instant before which each user's tokens are refused (the last disable or password change), for the users
     * who have one.
     */
    Map<String, Instant> tokensNotBefore() {
        Map<String, Instant> notBefore = new HashMap<>();
        jdbc.query("select username, tokens_not_before from app_user where tokens_not_before is not null "
                + "and username <> ?", rs -> {
                    notBefore.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }, PasswordCallers.SERVICE_USER);
        return notBefore;
    }

    /** The instant before which this user's tokens are refused (last disable or password change), if any. */
    Optional<Instant> tokensNotBefore(String username) {
        return jdbc.query("select tokens_not_before from app_user where username = ? and tokens_not_before is not null",
                (rs, n) -> rs.getTimestamp(1).toInstant(), username).stream().findFirst();
    }

    private Set<Grant> grantsOf(String username) {
        return new HashSet<>(jdbc.query("select role, scope from user_grant where username = ?",
                (rs, n) -> new Grant(Role.valueOf(rs.getString(1)), rs.getString(2)), username));
    }
}
