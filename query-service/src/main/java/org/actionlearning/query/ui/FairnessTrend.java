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
 * The fairness audit's trend across meetings (gini, dominance, question focus in the order held, as the API answers
 * them) and each member's questions against advice over all the meetings they attended: sums of the API's counts.
 *
 * @param heldOn        the meetings' dates, in the order held
 * @param gini          per meeting, null where undefined (no contribution)
 * @param dominance     per meeting, null where undefined
 * @param questionFocus per meeting, null where undefined (no question and no advice)
 * @param members       by name
 */
public record FairnessTrend(List<LocalDate> heldOn, List<Double> gini, List<Double> dominance,
                            List<Double> questionFocus, List<MemberBalance> members) {

    /** @param meetings the meetings the member attended */
    public record MemberBalance(String name, int meetings, int questions, int openQuestions, int advice) {
    }

    static FairnessTrend of(SetFairness fairness) {
        List<MeetingFairness> meetings = fairness.meetings();
        Map<UUID, MemberBalance> members = new LinkedHashMap<>();
        for (MeetingFairness meeting : meetings) {
            for (MemberFairness m : meeting.members()) {
                MemberBalance so = members.getOrDefault(m.personId(),
                        new MemberBalance(ContributionGrid.nameOf(m), 0, 0, 0, 0));
                members.put(m.personId(), new MemberBalance(so.name(), so.meetings() + 1,
                        so.questions() + m.questions(), so.openQuestions() + m.openQuestions(),
                        so.advice() + m.advice()));
            }
        }
        List<MemberBalance> byName = new ArrayList<>(members.values());
        byName.sort(Comparator.comparing(MemberBalance::name, String.CASE_INSENSITIVE_ORDER));
        return new FairnessTrend(meetings.stream().map(MeetingFairness::heldOn).toList(),
                meetings.stream().map(MeetingFairness::gini).toList(),
                meetings.stream().map(MeetingFairness::dominance).toList(),
                meetings.stream().map(MeetingFairness::questionFocus).toList(),
                List.copyOf(byName));
    }
}
