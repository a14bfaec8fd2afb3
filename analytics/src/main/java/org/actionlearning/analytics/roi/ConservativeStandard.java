package org.actionlearning.analytics.roi;

/**
 * Phillips' conservative standards that a report can break; each broken one is flagged beside the figures, so a
 * reader knows where the ROI claims more than the method allows.
 */
public enum ConservativeStandard {
    /** A priced metric improved but nobody estimated how much of it the programme caused. */
    NO_ISOLATION,
    /** An attribution estimate was made with confidence under 50%. */
    LOW_CONFIDENCE_ESTIMATE,
    /** The improvement counted was measured more than a year after the baseline: beyond the first year. */
    BENEFITS_BEYOND_FIRST_YEAR
}
