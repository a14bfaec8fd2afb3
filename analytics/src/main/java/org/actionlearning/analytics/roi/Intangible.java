package org.actionlearning.analytics.roi;

import java.util.UUID;

/** A metric without a money value: reported with its improvement, not priced. */
public record Intangible(UUID metricId, String name, Double improvementPercent) {
}
