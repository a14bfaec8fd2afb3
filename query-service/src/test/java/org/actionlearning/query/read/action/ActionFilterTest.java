package org.actionlearning.query.read.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.actionlearning.analytics.followthrough.ActionRecord;
import org.junit.jupiter.api.Test;

class ActionFilterTest {

    private static final LocalDate COMMITTED = LocalDate.parse("2026-03-02");
    private static final LocalDate DUE = LocalDate.parse("2026-03-30");

    @Test
    void namesAreCaseInsensitive() {
        assertThat(ActionFilter.named("open")).contains(ActionFilter.OPEN);
        assertThat(ActionFilter.named(" Overdue ")).contains(ActionFilter.OVERDUE);
        assertThat(ActionFilter.named("COMPLETED")).contains(ActionFilter.COMPLETED);
        assertThat(ActionFilter.named("abandoned")).contains(ActionFilter.ABANDONED);
        assertThat(ActionFilter.named("late")).isEmpty();
        assertThat(ActionFilter.accepted()).isEqualTo("open, overdue, completed, abandoned");
    }

    @Test
    void overdueIsOpenAndDueBeforeTheAsOfDate() {
        ActionRecord open = ActionRecord.open(COMMITTED, DUE);
        ActionRecord completedLate = ActionRecord.completed(COMMITTED, DUE, LocalDate.parse("2026-04-03"));
        ActionRecord abandoned = ActionRecord.abandoned(COMMITTED, DUE, LocalDate.parse("2026-03-10"));

        assertThat(ActionFilter.OVERDUE.matches(open, DUE)).isFalse();
        assertThat(ActionFilter.OVERDUE.matches(open, DUE.plusDays(1))).isTrue();
        assertThat(ActionFilter.OVERDUE.matches(completedLate, DUE.plusDays(1))).isFalse();
        assertThat(ActionFilter.OPEN.matches(open, DUE)).isTrue();
        assertThat(ActionFilter.OPEN.matches(abandoned, DUE)).isFalse();
        assertThat(ActionFilter.COMPLETED.matches(completedLate, DUE)).isTrue();
        assertThat(ActionFilter.ABANDONED.matches(abandoned, DUE)).isTrue();
        assertThat(ActionFilter.ABANDONED.matches(open, DUE)).isFalse();
    }
}
