/**
 * The numbers of the Action Learning Sets platform (defined in docs/numbers.md), as pure functions over
 * plain data: no Spring, no database, no I/O. One package per concept; each has one entry point
 * that the query service calls. Undefined values are {@code null} (boxed), as in the JSON API.
 */
package org.actionlearning.analytics;
