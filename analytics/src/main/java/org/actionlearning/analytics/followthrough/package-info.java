/** Follow-through on committed actions, as of a date: {@link FollowThrough#asOf}. */
package org.actionlearning.analytics.followthrough;
