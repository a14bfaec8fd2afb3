package org.actionlearning.query.read.member;

import java.util.UUID;

/**
 * An outcome metric of a programme the person takes part in, with the person's own attribution estimate for it
 * (both percentages null before they gave one). Only the person sees their own; sponsors see the isolation factor.
 */
public record OwnEstimate(UUID metricId, UUID programmeId, String programmeName, String metricName, String unit,
                          Integer attributionPercent, Integer confidencePercent) {

    public boolean given() {
        return attributionPercent != null;
    }
}
