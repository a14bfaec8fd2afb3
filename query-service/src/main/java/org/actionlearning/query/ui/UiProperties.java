package org.actionlearning.query.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web pages.
 *
 * @param commandApiUrl where the meeting console (in the browser) sends its commands; the command service must allow
 *                      this service's origin (its {@code als.cors.allowed-origins})
 * @param fairness      the defaults of the fairness audit's flags; a facilitator may change them on the page
 */
@ConfigurationProperties("als.ui")
public record UiProperties(@DefaultValue("http://localhost:8081") String commandApiUrl,
                           @DefaultValue FairnessThresholds fairness) {

    /**
     * When the fairness audit flags a meeting.
     *
     * @param dominance     flag at or above this dominance (1.0 is perfectly even)
     * @param flagSilent    flag a meeting with any silent attendee
     * @param questionFocus flag below this question focus (questions / (questions + advice))
     */
    public record FairnessThresholds(@DefaultValue("2.0") double dominance, @DefaultValue("true") boolean flagSilent,
                                     @DefaultValue("0.7") double questionFocus) {
    }
}
