/**
 * The queries of the read side: read the read models with jOOQ, hand the counts to {@code analytics} for every
 * number, and build the answer records of the query API. Nothing here writes; each query runs in one read-only
 * transaction so that an answer comes from one snapshot even while projections are writing.
 *
 * <p>One sub-package per concept a reader asks about ({@code programme}, {@code set}, {@code meeting},
 * {@code action}, {@code member}, {@code outcome}, {@code roi}, {@code safety}, {@code fairness},
 * {@code facilitation}, {@code change}, {@code explanation}, {@code administration}). In each:
 * <ul>
 *   <li>{@code <Concept>Queries}: the service that controllers and pages call;</li>
 *   <li>the records it answers, each in its own file and named for what it is ({@code ProgrammeDashboard},
 *       {@code SetFairness}); a record's parts are nested in it;</li>
 *   <li>{@code <Rows>Reader}: a component that reads rows for several queries; never called by controllers or
 *       pages.</li>
 * </ul>
 * This package holds what every concept shares: the view of the past ({@link org.actionlearning.query.read.PastView}),
 * the meetings that count ({@link org.actionlearning.query.read.ReportedMeetings}), the minimum group, personal
 * values, the snapshot, and the readers of programmes and participation.
 */
package org.actionlearning.query.read;
