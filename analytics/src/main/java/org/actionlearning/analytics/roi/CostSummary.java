package org.actionlearning.analytics.roi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * @param total      Σ recorded costs
 * @param byCategory Σ per category that has costs, in category order
 */
public record CostSummary(double total, Map<CostCategory, Double> byCategory) {

    public CostSummary {
        byCategory = byCategory.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(byCategory));
    }
}
