/**
 * Participation fairness: per meeting over its attendees ({@link MeetingParticipation#of}),
 * per set {@link PresenterRotation#of}. The balance measures themselves are in {@link ParticipationBalance}.
 */
package org.actionlearning.analytics.participation;
