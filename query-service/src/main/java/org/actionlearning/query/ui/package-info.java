/**
 * The web pages of the query service, rendered on the server with Thymeleaf: the list of programmes, a programme's
 * sponsor dashboard (aggregates only), a set's fairness audit and meeting console, and the ROI report with its PDF
 * and CSV downloads. Every number comes from the queries of {@code org.actionlearning.query.read}, the same ones the
 * API answers with; the pages format numbers ({@link org.actionlearning.query.ui.Numbers}) but compute none of
 * section 4 of the design. Charts are drawn in the browser by ECharts, served from its webjar.
 */
package org.actionlearning.query.ui;
