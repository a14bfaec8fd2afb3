/**
 * Psychological safety (Edmondson's seven-item team scale) and the after-meeting reaction items, aggregated so
 * that no answer of fewer than {@link org.actionlearning.analytics.safety.Aggregation#MINIMUM_RESPONDENTS}
 * people is ever shown, not even by subtracting one shown aggregate from another.
 */
package org.actionlearning.analytics.safety;
