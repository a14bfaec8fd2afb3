package org.actionlearning.query.read;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.actionlearning.query.read.ParticipationReader.HeldMeetingFigures;

/**
 * The fewer-than-three rule of one programme, applied in one place: which of its sets a sponsor's or an
 * organisation's figures may be computed from. A set that has ever had fewer than {@link MinimumGroup#PEOPLE} people
 * is left out of every such figure (the programme's totals as well as its own row), so that no total minus the
 * visible rows gives a small set's numbers back: the totals are sums over the rows shown, nothing more. A meeting
 * with fewer than three attendees is left out of the participation figures (its gini is about one or two people).
 * With no set left to report, the totals are withheld. Dashboard, set breakdown, sponsors' action list and the pages
 * and exports built on them all filter here.
 *
 * @param peopleBySet everyone ever a member, per set of the programme
 */
public record ReportedSets(Map<UUID, Integer> peopleBySet) {

    public ReportedSets {
        peopleBySet = Map.copyOf(peopleBySet);
    }

    /** Whether figures over this set may be shown: it has had at least three people. */
    public boolean reports(UUID setId) {
        Integer people = peopleBySet.get(setId);
        return people != null && !MinimumGroup.tooSmall(people);
    }

    /** The sets whose activity counts in the figures. */
    public Set<UUID> reported() {
        return peopleBySet.keySet().stream().filter(this::reports).collect(Collectors.toUnmodifiableSet());
    }

    /** The sets of fewer than three people: in no figure. */
    public Set<UUID> leftOut() {
        return peopleBySet.keySet().stream().filter(set -> !reports(set)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * No set is left to report, so every total would be over fewer than three people (or over nobody): withheld.
     * Any reported set has three people or more, so a total over one or more of them does too.
     */
    public boolean withholdsTotals() {
        return reported().isEmpty();
    }

    /** The items that belong to a reported set. */
    public <T> List<T> ofReportedSets(List<T> items, Function<T, UUID> setOf) {
        return items.stream().filter(item -> reports(setOf.apply(item))).toList();
    }

    /** The meetings whose participation figures may be shown: of a reported set, with three attendees or more. */
    List<HeldMeetingFigures> participationOf(List<HeldMeetingFigures> meetings) {
        return meetings.stream()
                .filter(meeting -> reports(meeting.setId()) && !MinimumGroup.tooSmall(meeting.attendees()))
                .toList();
    }
}
