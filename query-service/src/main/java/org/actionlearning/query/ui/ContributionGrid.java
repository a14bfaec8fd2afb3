package org.actionlearning.query.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.query.read.fairness.SetFairness;
import org.actionlearning.query.read.fairness.SetFairness.MeetingFairness;
import org.actionlearning.query.read.fairness.SetFairness.MemberFairness;

/**
 * The member × meeting table of contributions behind the fairness audit's heat map: one row per person who attended
 * any meeting, one cell per meeting, empty where the person was absent. Serialised as the heat map's data.
 *
 * @param meetings the dates the meetings were held, in the order held
 */
public record ContributionGrid(List<LocalDate> meetings, List<Row> rows) {

    /** @param presented presented in at least one meeting */
    public record Row(UUID personId, String name, List<Cell> cells, boolean presented) {
    }

    /**
     * @param contributions null where the person did not attend
     * @param field         JSON pointer to the count in the API's fairness answer; null where absent
     */
    public record Cell(Integer contributions, boolean presented, String field) {
    }

    static ContributionGrid of(SetFairness fairness) {
        List<MeetingFairness> meetings = fairness.meetings();
        Map<UUID, String> people = new LinkedHashMap<>();
        meetings.forEach(meeting -> meeting.members().forEach(member ->
                people.putIfAbsent(member.personId(), nameOf(member))));
        List<Row> rows = new ArrayList<>();
        people.forEach((personId, name) -> {
            List<Cell> cells = new ArrayList<>();
            for (int m = 0; m < meetings.size(); m++) {
                cells.add(cell(meetings.get(m), m, personId));
            }
            rows.add(new Row(personId, name, List.copyOf(cells), cells.stream().anyMatch(Cell::presented)));
        });
        rows.sort(Comparator.comparing(Row::name));
        return new ContributionGrid(meetings.stream().map(MeetingFairness::heldOn).toList(), List.copyOf(rows));
    }

    /** An erased person has no name; nor has a person no longer known to the set, or one whose name cannot be opened. */
    static String nameOf(MemberFairness member) {
        if (member.erased()) {
            return "Erased member";
        }
        return member.displayName() != null ? member.displayName() : "(name not available)";
    }

    private static Cell cell(MeetingFairness meeting, int meetingIndex, UUID personId) {
        List<MemberFairness> members = meeting.members();
        for (int i = 0; i < members.size(); i++) {
            MemberFairness member = members.get(i);
            if (member.personId().equals(personId)) {
                return new Cell(member.contributions(), member.presented() > 0,
                        "/meetings/" + meetingIndex + "/members/" + i + "/contributions");
            }
        }
        return new Cell(null, false, null);
    }
}
