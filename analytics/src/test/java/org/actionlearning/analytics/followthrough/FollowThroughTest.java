package org.actionlearning.analytics.followthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowThroughTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    private static LocalDate march(int day) {
        return LocalDate.of(2026, 3, day);
    }

    private final List<ActionRecord> actions = List.of(
            ActionRecord.completed(march(1), march(15), march(10)), // on time, 9 days
            ActionRecord.completed(march(1), march(15), march(20)), // late, 19 days
            ActionRecord.completed(march(2), march(16), march(16)), // on the due date counts as on time, 14 days
            ActionRecord.abandoned(march(2), march(20), march(5)),  // due before as-of, but not open
            ActionRecord.open(march(9), march(30)),                 // overdue: due before 31 March
            ActionRecord.open(march(9), march(31)),                 // due on the as-of date: not yet overdue
            ActionRecord.open(march(9), LocalDate.of(2026, 4, 10)));

    @Test
    void countsAndRates() {
        FollowThrough followThrough = FollowThrough.asOf(actions, AS_OF);

        assertThat(followThrough.committed()).isEqualTo(7);
        assertThat(followThrough.completed()).isEqualTo(3);
        assertThat(followThrough.abandoned()).isEqualTo(1);
        assertThat(followThrough.open()).isEqualTo(7 - 3 - 1);
        assertThat(followThrough.overdue()).isEqualTo(1);
        assertThat(followThrough.completionRate()).isEqualTo(3.0 / 7);
        assertThat(followThrough.onTimeRate()).isEqualTo(2.0 / 3);
        // days to complete 9, 19, 14: median of the sorted 9, 14, 19
        assertThat(followThrough.medianDaysToComplete()).isEqualTo(14.0);
    }

    @Test
    void asOfDateGovernsOverdue() {
        assertThat(FollowThrough.asOf(actions, march(30)).overdue()).isZero();
        assertThat(FollowThrough.asOf(actions, LocalDate.of(2026, 4, 1)).overdue()).isEqualTo(2);
        assertThat(FollowThrough.asOf(actions, LocalDate.of(2026, 4, 11)).overdue()).isEqualTo(3);
    }

    @Test
    void medianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
        FollowThrough followThrough = FollowThrough.asOf(List.of(
                ActionRecord.completed(march(1), march(15), march(10)),  // 9 days
                ActionRecord.completed(march(1), march(31), march(15)),  // 14 days
                ActionRecord.completed(march(1), march(31), march(2)),   // 1 day
                ActionRecord.completed(march(1), march(31), march(31))), // 30 days
                AS_OF);

        assertThat(followThrough.medianDaysToComplete()).isEqualTo((9 + 14) / 2.0);
        assertThat(followThrough.onTimeRate()).isEqualTo(4.0 / 4);
        assertThat(followThrough.completionRate()).isEqualTo(1.0);
    }

    @Test
    void ratiosAreNullWithoutActionsOrCompletions() {
        FollowThrough none = FollowThrough.asOf(List.of(), AS_OF);
        assertThat(none).isEqualTo(new FollowThrough(0, 0, 0, 0, 0, null, null, null));

        FollowThrough nothingDone = FollowThrough.asOf(List.of(
                ActionRecord.open(march(1), march(2)),
                ActionRecord.abandoned(march(1), march(2), march(3))), AS_OF);
        assertThat(nothingDone.completionRate()).isEqualTo(0.0);
        assertThat(nothingDone.onTimeRate()).isNull();
        assertThat(nothingDone.medianDaysToComplete()).isNull();
        assertThat(nothingDone.open()).isEqualTo(1);
        assertThat(nothingDone.overdue()).isEqualTo(1);
    }

    @Test
    void anActionIsNotBothCompletedAndAbandoned() {
        assertThatThrownBy(() -> new ActionRecord(march(1), march(2), march(3), march(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("completedOn").hasMessageContaining("abandonedOn");
    }
}
