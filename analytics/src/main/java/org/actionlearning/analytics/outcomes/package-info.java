/**
 * Outcome change of a metric against its baseline, target, significance and run-chart signals:
 * {@link OutcomeAnalysis#of}.
 */
package org.actionlearning.analytics.outcomes;
