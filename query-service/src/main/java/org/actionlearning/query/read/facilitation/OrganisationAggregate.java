package org.actionlearning.query.read.facilitation;

import java.util.List;
import org.actionlearning.query.read.MinimumGroup;

/**
 * An organisation's facilitation in aggregate: means over its sets of three people or more, and by month. No
 * set or facilitator is named.
 *
 * @param sets           sets counted (three people or more)
 * @param meanGini       mean over their meetings of three attendees or more
 * @param trend          by month of the meetings held
 */
public record OrganisationAggregate(String organisation, int sets, Double meanGini, Double meanQuestionFocus,
                                    Double meanPresenterRotation, int committed, Double completionRate,
                                    Double safetyScore, int respondents, List<MonthPoint> trend,
                                    List<MinimumGroup.Withheld> withheld) {

    /** @param month the month as yyyy-MM */
    public record MonthPoint(String month, int meetings, Double meanGini, Double meanQuestionFocus,
                             Double safetyScore) {
    }
}
