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
import java.util.Set;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators create users and give them scoped roles, each within an organisation they administer.
 * Passwords are stored as bcrypt hashes and never returned or logged.
 */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Identity", description = "Tokens and users of the built-in identity store")
class UserController {

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final ScopeDirectory directory;

    UserController(UserAccounts accounts, PasswordEncoder encoder, ScopeDirectory directory) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.directory = directory;
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

    record UserView(String username, UUID personId, List<String> grants) {
    }

    @PostMapping
    @Operation(summary = "Create a user", description = "Grants are ROLE:scope: ADMIN:<organisation>, "
            + "SPONSOR:<programmeId>, FACILITATOR:<setId>, MEMBER:<setId>; each inside an organisation you administer.")
    ResponseEntity<Map<String, String>> create(@Valid @RequestBody NewUser request) {
        Caller admin = Callers.current();
        Set<Grant> grants = new HashSet<>();
        for (String claim : request.grants()) {
            Grant grant = parse(claim);
            requireAdministers(admin, grant);
            grants.add(grant);
        }
        Account account = new Account(request.username(), encoder.encode(request.password()), request.personId(),
                grants);
        if (!accounts.create(account, admin.username())) {
            throw new DomainRuleViolation("username", "'" + request.username() + "' is taken");
        }
        return ResponseEntity.created(URI.create("/api/users/" + request.username()))
                .body(Map.of("username", request.username()));
    }

    @GetMapping
    @Operation(summary = "List users", description = "The users whose grants lie in organisations you administer.")
    List<UserView> list() {
        Caller admin = Callers.current();
        requireAdmin(admin);
        return accounts.all().stream()
                .filter(a -> admin.isPlatformAdmin() || a.grants().stream().anyMatch(g -> administers(admin, g)))
                .map(a -> new UserView(a.username(), a.personId(), a.grants().stream().map(Grant::claim).sorted()
                        .toList()))
                .toList();
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

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new NotPermitted("managing users needs ADMIN of an organisation");
        }
    }

    private void requireAdministers(Caller admin, Grant grant) {
        requireAdmin(admin);
        if (!administers(admin, grant)) {
            throw new NotPermitted("granting " + grant.claim() + " needs ADMIN of its organisation");
        }
    }

    private boolean administers(Caller admin, Grant grant) {
        if (grant.role() == Role.ADMIN) {
            return admin.isAdminOf(grant.scope());
        }
        UUID id = UUID.fromString(grant.scope());
        String organisation = directory.scopeOf(id)
                .filter(s -> grant.role() == Role.SPONSOR ? id.equals(s.programmeId()) : id.equals(s.setId()))
                .orElseThrow(() -> new UnknownEntity("grants", "no " + (grant.role() == Role.SPONSOR ? "programme "
                        : "set ") + id))
                .organisation();
        return admin.isAdminOf(organisation);
    }
}
