/**
 * The queries of the read side: read the read models with jOOQ, hand the counts to {@code analytics} for every
 * number, and build the answer records of the query API. Nothing here writes; each query runs in one read-only
 * transaction so that an answer comes from one snapshot even while projections are writing.
 */
package org.actionlearning.query.read;
