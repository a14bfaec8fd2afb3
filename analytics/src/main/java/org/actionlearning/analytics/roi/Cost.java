package org.actionlearning.analytics.roi;

import java.util.Objects;
import org.actionlearning.analytics.Statistics;

/** One recorded programme cost; {@code amount} &gt;= 0 in the programme's currency. */
public record Cost(CostCategory category, double amount) {

    public Cost {
        Objects.requireNonNull(category, "category");
        Statistics.requireNonNegative(amount, "amount");
    }
}
