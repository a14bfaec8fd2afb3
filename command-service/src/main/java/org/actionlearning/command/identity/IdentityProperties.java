package org.actionlearning.command.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in identity store's first user: created on start when no user of that name exists, as an ADMIN of
 * every organisation, so a new installation can be administered. Its password comes from configuration only.
 */
@ConfigurationProperties("als.identity")
public record IdentityProperties(String adminUsername, String adminPassword) {

    public IdentityProperties {
        adminUsername = adminUsername == null ? "admin" : adminUsername;
    }
}
