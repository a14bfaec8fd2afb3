package org.actionlearning.command.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.actionlearning.command.access.PersonDirectory;
import org.actionlearning.command.access.Scope;
import org.actionlearning.command.access.ScopeDirectory;
import org.actionlearning.command.access.SetPlaces;
import org.actionlearning.command.domain.DomainRuleViolation;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.command.domain.UnknownEntity;
import org.actionlearning.service.Problems;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.Grant;
import org.actionlearning.service.security.NotPermitted;
import org.actionlearning.service.security.Role;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators create users and give them scoped roles, each within an organisation they administer; only
 * administrators reach this controller at all ({@link AdministratorsOnly}). A user's person must be a person of
 * an organisation the administrator administers. Passwords are stored as bcrypt hashes and never returned or
 * logged.
 */
@RestController
@RequestMapping(AdministratorsOnly.USERS)
@Tag(name = "Identity", description = "Tokens and users of the built-in identity store")
class UserController {

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final PasswordRules passwords;
    private final ScopeDirectory directory;
    private final SetPlaces places;
    private final PersonDirectory people;
    private final SetPasswordLinks links;
    private final AccessLinkMail mail;
    private final DisabledUsers disabledUsers;
    private final AccountAudit audit;
    private final Set<String> reserved;

    UserController(UserAccounts accounts, PasswordEncoder encoder, PasswordRules passwords, ScopeDirectory directory,
                   PersonDirectory people, SetPasswordLinks links, AccessLinkMail mail, DisabledUsers disabledUsers,
                   IdentityProperties identity, AccountAudit audit, SetPlaces places) {
        this.audit = audit;
        this.places = places;
        // the platform's own users: the service user (not stored) and the bootstrap administrator; no
        // administrator may create, disable, reset or change them through this API
        this.reserved = Set.of(PasswordCallers.SERVICE_USER, identity.adminUsername());
        this.links = links;
        this.mail = mail;
        this.disabledUsers = disabledUsers;
        this.accounts = accounts;
        this.encoder = encoder;
        this.passwords = passwords;
        this.directory = directory;
        this.people = people;
    }

    /** Without a password, the answer carries a set-password link for the user (emailed too, where it can be). */
    record NewUser(@NotBlank @Pattern(regexp = "[a-z0-9._@-]{3,64}",
                           message = "3 to 64 lower-case letters, digits or . _ @ -") String username,
                   @Size(min = 10, max = 200) String password,
                   UUID personId,
                   @NotNull List<@NotBlank String> grants,
                   @EmailAddress String email) {

        @Override
        public String toString() {
            return "NewUser[" + username + "]"; // never the password, whoever logs the request
        }
    }

    /**
     * A change to a user: a new password, a new set of grants (replacing the old), a contact address (blank: none),
     * any of them (null: unchanged).
     */
    record UserChange(@Size(min = 10, max = 200) String password, List<@NotBlank String> grants,
                      @EmailAddress String email) {

        @Override
        public String toString() {
            return "UserChange[" + (password == null ? "" : "password, ") + grants + "]";
        }
    }

    /** @param email the contact address an administrator gave (never the member's own reminder address) */
    record UserView(String username, UUID personId, List<String> grants, String email, boolean disabled) {

        static UserView of(Account account, Set<Grant> grants) {
            return new UserView(account.username(), account.personId(), claims(grants), account.email(),
                    account.disabled());
        }
    }

    /** A one-time set-password link: the token is in the answer once and never stored in plain. */
    record LinkView(String username, String setPasswordToken, String setPasswordUrl, Instant expiresAt,
                    boolean emailed) {

        @Override
        public String toString() {
            return "LinkView[" + username + "]";
        }
    }

    @PostMapping
    @Operation(summary = "Create a user", description = "Administrators only. Grants are ROLE:scope: "
            + "ADMIN:<organisation>, SPONSOR:<programmeId>, FACILITATOR:<setId>, MEMBER:<setId>; each inside an "
            + "organisation you administer; personId, a person of such an organisation. Without a password the "
            + "answer is a one-time set-password link for the user (emailed to email where SMTP is configured).")
    @Transactional
    ResponseEntity<Object> create(@Valid @RequestBody NewUser request) {
        Caller admin = Callers.current();
        if (reserved.contains(request.username())) {
            throw new DomainRuleViolation("username", "'" + request.username() + "' is reserved");
        }
        Set<Grant> grants = grants(admin, request.grants());
        requirePerson(admin, request.personId());
        requirePlaces(grants, request.personId());
        if (request.personId() != null && accounts.hasAccount(request.personId())) {
            // said alike whoever made the other account: one account per person, so no second account reads
            // a member's private answers
            throw new DomainRuleViolation("personId", "this person already has an account");
        }
        boolean withLink = request.password() == null;
        if (!withLink) {
            passwords.requireStrong("password", request.username(), request.password());
        }
        // without a password, one nobody knows until the user sets theirs with the link
        String password = withLink ? UUID.randomUUID().toString() : request.password();
        Account account = new Account(request.username(), encoder.encode(password), request.personId(),
                grants, blankToNull(request.email()), false);
        if (!accounts.create(account, admin.username())) {
            throw new DomainRuleViolation("username", "'" + request.username() + "' is taken");
        }
        if (!withLink) {
            audit.record(request.username(), AccountAudit.Action.PASSWORD_SET_AT_CREATION, admin.username(), null);
        }
        URI location = URI.create(AdministratorsOnly.USERS + "/" + request.username());
        return withLink ? ResponseEntity.created(location).cacheControl(CacheControl.noStore()).body(link(account))
                : ResponseEntity.created(location).body(Map.of("username", request.username()));
    }

    @PostMapping("/{username}/password-link")
    @Transactional
    @Operation(summary = "Issue a set-password link", description = "A new one-time link for a user you "
            + "administer (a reset: their earlier unused links stop working; the password stays until the link "
            + "is used). Emailed too where SMTP is configured and the user has an address.")
    ResponseEntity<LinkView> passwordLink(@PathVariable String username) {
        Account account = managed(username, "a password link");
        if (account.disabled()) {
            throw new DomainRuleViolation("username", "'" + username + "' is disabled; enable them first");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(link(account));
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Disable a user", description = "They can no longer sign in, and the tokens they hold "
            + "are refused; their unused set-password links stop working. Not yourself.")
    ResponseEntity<UserView> disable(@PathVariable String username) {
        Caller admin = Callers.current();
        Account account = managed(username, "disabling them");
        if (admin.username().equals(username)) {
            throw new InvalidCommandValue("username", "you cannot disable yourself");
        }
        accounts.disable(username, true);
        disabledUsers.refresh();
        return ResponseEntity.ok(UserView.of(accounts.find(username).orElse(account), visible(admin, account)));
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Enable a disabled user", description = "They may sign in again with their password.")
    ResponseEntity<UserView> enable(@PathVariable String username) {
        Caller admin = Callers.current();
        Account account = managed(username, "enabling them");
        accounts.disable(username, false);
        disabledUsers.refresh();
        return ResponseEntity.ok(UserView.of(accounts.find(username).orElse(account), visible(admin, account)));
    }

    private LinkView link(Account account) {
        SetPasswordLinks.Link link = links.issue(account.username(), Callers.current().username());
        boolean emailed = mail.send(account.username(), account.email(), link);
        return new LinkView(account.username(), link.token(), link.url(), link.expiresAt(), emailed);
    }

    /**
     * A user this administrator manages as a whole. One they are shown but who also works for another organisation
     * is refused naming them (403: {@code what} is for a platform administrator); another organisation's only and an
     * unknown one answer alike (404).
     */
    private Account managed(String username, String what) {
        Caller admin = Callers.current();
        Account account = reached(admin, username);
        if (!manages(admin, account)) {
            throw new SharedUserRefused(username, what);
        }
        return account;
    }

    /** A user this administrator is shown in the list (404 otherwise, said alike for an unknown user). */
    private Account reached(Caller admin, String username) {
        return accounts.find(username).filter(a -> !reserved.contains(a.username()) && reaches(admin, a))
                .orElseThrow(() -> new UnknownEntity("username", "no user '" + username + "' that you administer"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @PatchMapping("/{username}")
    @Operation(summary = "Change a user", description = "Administrators of every organisation the user's grants "
            + "and person lie in (or who created them). A new password, a new set of grants (replacing the old), "
            + "a contact address (email; blank removes it), or any of them. Of a user who also works for another "
            + "organisation, only the grants in your organisations: the new set replaces those and leaves the "
            + "others as they are (the address is for a platform administrator). A password only for your own account: "
            + "another user's is set with a one-time link (POST /api/users/{username}/password-link), which the "
            + "account audit records and the user is told.")
    @Transactional
    ResponseEntity<Object> change(@PathVariable String username, @Valid @RequestBody UserChange request) {
        Caller admin = Callers.current();
        Account account = reached(admin, username);
        boolean whole = manages(admin, account);
        boolean own = admin.username().equals(username);
        if (!whole && request.password() != null && !own) {
            throw new SharedUserRefused(username, "their password");
        }
        if (!whole && request.email() != null) {
            // where their set-password links go: another organisation relies on it too
            throw new SharedUserRefused(username, "their contact address");
        }
        Set<Grant> grants = request.grants() == null ? null : grants(admin, request.grants());
        if (grants != null) {
            Set<Grant> given = new HashSet<>(grants);
            given.removeAll(account.grants());
            requirePlaces(given, account.personId());
        }
        String hash = null;
        if (request.password() != null) {
            if (!own) {
                // a password the administrator chose would let them sign in as the user unseen
                return Problems.response(Problems.problem(HttpStatus.FORBIDDEN, "Not permitted", "password",
                        "an administrator does not set another user's password: issue them a one-time link "
                                + "(POST " + AdministratorsOnly.USERS + "/" + username + "/password-link)"));
            }
            passwords.requireStrong("password", username, request.password());
            hash = encoder.encode(request.password());
            audit.record(username, AccountAudit.Action.PASSWORD_CHANGED_BY_SELF, username, null);
        }
        accounts.change(username, hash, null);
        if (grants != null) {
            // the grants the administrator is not shown (another organisation's) stay as they are
            accounts.replaceGrants(username, g -> admin.isPlatformAdmin() || administersQuietly(admin, g), grants);
        }
        if (request.email() != null) {
            accounts.setContactEmail(username, blankToNull(request.email()));
        }
        Account now = accounts.find(username).orElse(account);
        return ResponseEntity.ok(UserView.of(now, visible(admin, now)));
    }

    @GetMapping
    @Operation(summary = "List users", description = "The users you created and those holding a grant in an "
            + "organisation you administer, each with the grants that lie in your organisations.")
    List<UserView> list() {
        Caller admin = Callers.current();
        // a user without grants (yet) stays in reach of its creator; a user of two organisations shows each
        // administrator only their own organisation's grants
        return accounts.all().stream().filter(a -> reaches(admin, a)).map(a -> UserView.of(a, visible(admin, a)))
                .toList();
    }

    /**
     * Whether the administrator is shown this user and may change their grants in the administrator's organisations:
     * those they manage, and those holding a grant in one of their organisations (a user of two organisations).
     */
    private boolean reaches(Caller admin, Account account) {
        return manages(admin, account) || account.grants().stream().anyMatch(g -> administersQuietly(admin, g));
    }

    /** The grants of the account an administrator is shown: those in their organisations. */
    private Set<Grant> visible(Caller admin, Account account) {
        return account.grants().stream().filter(g -> admin.isPlatformAdmin() || administersQuietly(admin, g))
                .collect(Collectors.toSet());
    }

    private Set<Grant> grants(Caller admin, List<String> claims) {
        Set<Grant> grants = new HashSet<>();
        for (String claim : claims) {
            Grant grant = parse(claim);
            if (!administers(admin, grant)) {
                throw new NotPermitted("granting " + grant.claim() + " needs ADMIN of its organisation");
            }
            grants.add(grant);
        }
        return grants;
    }

    /**
     * A set's place is given only to whoever holds it now: FACILITATOR to its facilitator's account (one without a
     * person only while the set has the facilitator it was formed with), MEMBER to a member's (an account without a
     * person is not judged). So a list of grants read before a facilitator change or a removal cannot give the place
     * back (409 naming grants). Only grants the account does not hold yet are judged.
     */
    private void requirePlaces(Set<Grant> given, UUID personId) {
        for (Grant grant : given) {
            if (grant.role() == Role.FACILITATOR && !places.mayFacilitate(UUID.fromString(grant.scope()), personId)) {
                throw new DomainRuleViolation("grants", grant.claim() + " is for the set's current facilitator, and "
                        + "this user is not their account: the set's facilitator changed (look again)");
            }
            if (grant.role() == Role.MEMBER && personId != null
                    && !places.isMember(UUID.fromString(grant.scope()), personId)) {
                throw new DomainRuleViolation("grants", grant.claim() + " is for members of the set, and this user's "
                        + "person is not one (now): add them to the set first");
            }
        }
    }

    /** The same answer for an unknown person and another organisation's: which ids exist is not told. */
    private void requirePerson(Caller admin, UUID personId) {
        if (personId != null && !people.administers(admin, personId)) {
            throw new InvalidCommandValue("personId", "is not a person of an organisation you administer");
        }
    }

    /**
     * Whether the administrator manages this user as a whole (reset, disable, enable, their password or contact
     * address; the grants of a user they only {@link #reaches} are changed within their organisations): a platform
     * administrator always; otherwise only while everything the user holds (grants and person) lies in organisations they administer,
     * and then if they hold something or this administrator created them. Being the creator alone is not enough:
     * once another organisation's grant is added, its creator could otherwise take the account over.
     */
    private boolean manages(Caller admin, Account account) {
        if (admin.isPlatformAdmin()) {
            return true;
        }
        boolean allMine = account.grants().stream().allMatch(g -> administersQuietly(admin, g))
                && (account.personId() == null || people.administers(admin, account.personId()));
        boolean holdsSomething = !account.grants().isEmpty() || account.personId() != null;
        return allMine && (holdsSomething || admin.username().equals(accounts.createdBy(account.username())));
    }

    private static List<String> claims(Set<Grant> grants) {
        return grants.stream().map(Grant::claim).sorted().toList();
    }

    private static Grant parse(String claim) {
        try {
            Grant grant = Grant.parse(claim);
            if (grant.role() == Role.SERVICE) {
                throw new InvalidCommandValue("grants", "SERVICE is not a role users can hold");
            }
            return grant;
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandValue("grants", "'" + claim + "' is not ROLE:scope with a role of ADMIN, "
                    + "SPONSOR, FACILITATOR or MEMBER and an organisation, programme id or set id");
        }
    }

    private boolean administersQuietly(Caller admin, Grant grant) {
        try {
            return administers(admin, grant);
        } catch (UnknownEntity e) {
            return false; // a platform administrator manages every user anyway
        }
    }

    private boolean administers(Caller admin, Grant grant) {
        if (grant.role() == Role.ADMIN) {
            return admin.isAdminOf(grant.scope());
        }
        UUID id = UUID.fromString(grant.scope());
        Optional<String> organisation = directory.scopeOf(id)
                .filter(s -> grant.role() == Role.SPONSOR ? id.equals(s.programmeId()) : id.equals(s.setId()))
                .map(Scope::organisation);
        if (organisation.isEmpty() && admin.isPlatformAdmin()) {
            throw new UnknownEntity("grants", "no " + (grant.role() == Role.SPONSOR ? "programme " : "set ") + id);
        }
        // an unknown id and another organisation's are refused alike: which ids exist is not told
        return organisation.map(admin::isAdminOf).orElse(false);
    }
}
