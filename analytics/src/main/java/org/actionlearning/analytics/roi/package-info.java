/**
 * Phillips return on investment, first-year benefits only: {@link RoiCalculator#calculate}.
 */
package org.actionlearning.analytics.roi;
