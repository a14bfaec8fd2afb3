/**
 * Who is calling: the three ways in (API, report downloads, pages) with their security headers, passwords checked
 * by the command service, and callers disabled there refused here. What a caller may then read is decided in
 * {@code access}; this package sits above the pages because the pages' Content-Security-Policy names the command API
 * their console sends to.
 */
package org.actionlearning.query.identity;
