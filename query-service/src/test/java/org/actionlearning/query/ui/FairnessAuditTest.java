package org.actionlearning.query.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.query.read.fairness.SetFairness;
import org.actionlearning.query.read.fairness.SetFairness.MeetingFairness;
import org.actionlearning.query.read.fairness.SetFairness.MemberFairness;
import org.actionlearning.query.ui.UiProperties.FairnessThresholds;
import org.junit.jupiter.api.Test;

class FairnessAuditTest {

    private static final FairnessThresholds DEFAULTS = new FairnessThresholds(2.0, true, 0.7);
    private final UUID ann = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final UUID eve = UUID.randomUUID();

    @Test
    void flagsAMeetingAtEachThresholdCrossed() {
        MeetingFairness meeting = meeting(LocalDate.of(2026, 2, 2), 2.0, List.of(eve), 0.69,
                member(ann, "Ann", 4, 1), member(ben, "Ben", 2, 0), member(eve, "Eve", 0, 0));
        FairnessAudit audit = FairnessAudit.of(fairness(meeting), DEFAULTS, new Numbers());
        assertThat(audit.meetings().get(0).flags())
                .containsExactly("Dominance 2.00 ≥ 2.00", "1 silent attendee", "Question focus 0.69 < 0.70");
        assertThat(audit.flaggedMeetings()).isEqualTo(1);
    }

    @Test
    void undefinedMeasuresAndRelaxedThresholdsRaiseNoFlag() {
        MeetingFairness meeting = meeting(LocalDate.of(2026, 2, 2), null, List.of(eve), null,
                member(eve, "Eve", 0, 0));
        FairnessAudit audit = FairnessAudit.of(fairness(meeting), new FairnessThresholds(2.0, false, 0.7),
                new Numbers());
        assertThat(audit.meetings().get(0).flags()).isEmpty();
        assertThat(audit.meetings().get(0).silentNames()).containsExactly("Eve");
    }

    @Test
    void theGridHasACellPerMeetingEmptyWhereAbsentPointingIntoTheApisAnswer() {
        MeetingFairness first = meeting(LocalDate.of(2026, 2, 2), 1.5, List.of(), 1.0,
                member(ann, "Ann", 3, 1), member(ben, "Ben", 1, 0));
        MeetingFairness second = meeting(LocalDate.of(2026, 3, 2), 1.0, List.of(), 1.0, member(ben, "Ben", 2, 1));
        ContributionGrid grid = FairnessAudit.of(fairness(first, second), DEFAULTS, new Numbers()).grid();

        assertThat(grid.meetings()).containsExactly(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 2));
        assertThat(grid.rows()).extracting(ContributionGrid.Row::name).containsExactly("Ann", "Ben");
        assertThat(grid.rows().get(0).cells()).containsExactly(
                new ContributionGrid.Cell(3, true, "/meetings/0/members/0/contributions"),
                new ContributionGrid.Cell(null, false, null));
        assertThat(grid.rows().get(1).cells().get(1))
                .isEqualTo(new ContributionGrid.Cell(2, true, "/meetings/1/members/0/contributions"));
    }

    private static SetFairness fairness(MeetingFairness... meetings) {
        return new SetFairness(UUID.randomUUID(), "Wards", 0.5, List.of(meetings));
    }

    private static MeetingFairness meeting(LocalDate heldOn, Double dominance, List<UUID> silent, Double questionFocus,
                                           MemberFairness... members) {
        return new MeetingFairness(UUID.randomUUID(), heldOn, members.length, 0.3, 0.8, dominance, silent,
                questionFocus, 0.5, List.of(members));
    }

    private static MemberFairness member(UUID personId, String name, int contributions, int presented) {
        return new MemberFairness(personId, name, contributions, 0, 0, 0, contributions, presented, false);
    }
}
