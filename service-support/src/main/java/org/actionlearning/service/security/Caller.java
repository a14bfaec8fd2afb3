package org.actionlearning.service.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated user of a request: a name, the person they are in the sets (if they take part in any) and
 * their grants. Every permission question of both services is asked here.
 */
public record Caller(String username, UUID personId, Set<Grant> grants) {

    public Caller {
        grants = Set.copyOf(grants);
    }

    public Optional<UUID> person() {
        return Optional.ofNullable(personId);
    }

    public boolean isAdminOf(String organisation) {
        return has(Role.ADMIN, organisation);
    }

    /** An operator of the whole platform (rebuilds, dead letters, every organisation). */
    public boolean isPlatformAdmin() {
        return grants.contains(new Grant(Role.ADMIN, Grant.EVERYWHERE));
    }

    public boolean isAdmin() {
        return grants.stream().anyMatch(g -> g.role() == Role.ADMIN);
    }

    public boolean isSponsorOf(UUID programmeId) {
        return has(Role.SPONSOR, programmeId.toString());
    }

    public boolean isFacilitatorOf(UUID setId) {
        return has(Role.FACILITATOR, setId.toString());
    }

    public boolean isMemberOf(UUID setId) {
        return has(Role.MEMBER, setId.toString());
    }

    /** Facilitator or member: may read what was said in the set. */
    public boolean isInSet(UUID setId) {
        return isFacilitatorOf(setId) || isMemberOf(setId);
    }

    public boolean isService() {
        return grants.stream().anyMatch(g -> g.role() == Role.SERVICE);
    }

    public boolean isPerson(UUID id) {
        return personId != null && personId.equals(id);
    }

    /** The ids this caller holds the role for (a platform-wide grant is not an id and is left out). */
    public Set<UUID> scopesOf(Role role) {
        return grants.stream().filter(g -> g.role() == role && !g.scope().equals(Grant.EVERYWHERE))
                .map(g -> UUID.fromString(g.scope())).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private boolean has(Role role, String scope) {
        return grants.stream().anyMatch(g -> g.covers(role, scope));
    }
}
