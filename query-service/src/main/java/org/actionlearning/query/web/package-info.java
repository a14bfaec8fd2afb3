/**
 * The HTTP query API: thin controllers over the queries of {@code org.actionlearning.query.read}, and the
 * mapping of every error to RFC 9457 problem details.
 */
package org.actionlearning.query.web;
