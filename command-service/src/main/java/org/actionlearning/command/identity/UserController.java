package org.actionlearning.command.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
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
import org.actionlearning.command.domain.DomainRuleViolation;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.command.domain.UnknownEntity;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.Grant;
import org.actionlearning.service.security.NotPermitted;
import org.actionlearning.service.security.Role;
import org.springframework.http.ResponseEntity;
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
    private final PersonDirectory people;

    UserController(UserAccounts accounts, PasswordEncoder encoder, PasswordRules passwords, ScopeDirectory directory,
                   PersonDirectory people) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.passwords = passwords;
        this.directory = directory;
        this.people = people;
    }

    record NewUser(@NotBlank @Pattern(regexp = "[a-z0-9._@-]{3,64}",
                           message = "3 to 64 lower-case letters, digits or . _ @ -") String username,
                   @NotBlank @Size(min = 10, max = 200) String password,
                   UUID personId,
                   @NotNull List<@NotBlank String> grants) {

        @Override
        public String toString() {
            return "NewUser[" + username + "]"; // never the password, whoever logs the request
        }
    }

    /** A change to a user: a new password, or a new set of grants (replacing the old), or both. */
    record UserChange(@Size(min = 10, max = 200) String password, List<@NotBlank String> grants) {

        @Override
        public String toString() {
            return "UserChange[" + (password == null ? "" : "password, ") + grants + "]";
        }
    }

    record UserView(String username, UUID personId, List<String> grants) {
    }

    @PostMapping
    @Operation(summary = "Create a user", description = "Administrators only. Grants are ROLE:scope: "
            + "ADMIN:<organisation>, SPONSOR:<programmeId>, FACILITATOR:<setId>, MEMBER:<setId>; each inside an "
            + "organisation you administer; personId, a person of such an organisation.")
    ResponseEntity<Map<String, String>> create(@Valid @RequestBody NewUser request) {
        Caller admin = Callers.current();
        Set<Grant> grants = grants(admin, request.grants());
        requirePerson(admin, request.personId());
        passwords.requireStrong("password", request.username(), request.password());
        Account account = new Account(request.username(), encoder.encode(request.password()), request.personId(),
                grants);
        if (!accounts.create(account, admin.username())) {
            throw new DomainRuleViolation("username", "'" + request.username() + "' is taken");
        }
        return ResponseEntity.created(URI.create(AdministratorsOnly.USERS + "/" + request.username()))
                .body(Map.of("username", request.username()));
    }

    @PatchMapping("/{username}")
    @Operation(summary = "Change a user", description = "Administrators of every organisation the user's grants "
            + "and person lie in (or who created them). A new password, a new set of grants (replacing the old), "
            + "or both.")
    ResponseEntity<UserView> change(@PathVariable String username, @Valid @RequestBody UserChange request) {
        Caller admin = Callers.current();
        Account account = accounts.find(username).filter(a -> manages(admin, a))
                .orElseThrow(() -> new UnknownEntity("username", "no user '" + username + "' that you administer"));
        Set<Grant> grants = request.grants() == null ? null : grants(admin, request.grants());
        String hash = null;
        if (request.password() != null) {
            passwords.requireStrong("password", username, request.password());
            hash = encoder.encode(request.password());
        }
        accounts.change(username, hash, grants);
        Set<Grant> now = grants == null ? account.grants() : grants;
        return ResponseEntity.ok(new UserView(username, account.personId(), claims(now)));
    }

    @GetMapping
    @Operation(summary = "List users", description = "The users you created and those holding a grant in an "
            + "organisation you administer, each with the grants that lie in your organisations.")
    List<UserView> list() {
        Caller admin = Callers.current();
        // a user without grants (yet) stays in reach of its creator; a user of two organisations shows each
        // administrator only their own organisation's grants
        return accounts.all().stream()
                .filter(a -> manages(admin, a) || a.grants().stream().anyMatch(g -> administersQuietly(admin, g)))
                .map(a -> new UserView(a.username(), a.personId(), claims(a.grants().stream()
                        .filter(g -> admin.isPlatformAdmin() || administersQuietly(admin, g))
                        .collect(Collectors.toSet()))))
                .toList();
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

    /** The same answer for an unknown person and another organisation's: which ids exist is not told. */
    private void requirePerson(Caller admin, UUID personId) {
        if (personId != null && !people.administers(admin, personId)) {
            throw new InvalidCommandValue("personId", "is not a person of an organisation you administer");
        }
    }

    /** Whether the administrator may change this user: they created them, or administer all they hold. */
    private boolean manages(Caller admin, Account account) {
        if (admin.isPlatformAdmin() || admin.username().equals(accounts.createdBy(account.username()))) {
            return true;
        }
        boolean holdsSomething = !account.grants().isEmpty() || account.personId() != null;
        return holdsSomething && account.grants().stream().allMatch(g -> administersQuietly(admin, g))
                && (account.personId() == null || people.administers(admin, account.personId()));
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
