package org.actionlearning.analytics.participation;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.analytics.Statistics;

/** Per set: does everyone get to present? */
public final class PresenterRotation {

    private PresenterRotation() {
    }

    /**
     * Current members who have presented at least once / current members; null if the set has
     * no members. People who presented and have since left the set are not counted: they are no
     * longer among the members the ratio is about (and counting them could push it above 1).
     *
     * @param currentMembers the set's members now
     * @param presenters     everyone who presented a challenge in the set (repeats allowed)
     */
    public static Double of(Collection<UUID> currentMembers, Collection<UUID> presenters) {
        Objects.requireNonNull(currentMembers, "currentMembers");
        Objects.requireNonNull(presenters, "presenters");
        Set<UUID> members = new HashSet<>(currentMembers);
        Set<UUID> presentedMembers = new HashSet<>(presenters);
        presentedMembers.retainAll(members);
        return Statistics.ratio(presentedMembers.size(), members.size());
    }
}
