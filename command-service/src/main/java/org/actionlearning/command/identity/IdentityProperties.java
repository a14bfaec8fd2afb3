package org.actionlearning.command.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in identity store's first user: created on start when no user of that name exists, as an ADMIN of
 * every organisation, so a new installation can be administered. Its password comes from configuration only.
 *
 * @param setPasswordUrl     the pages' set-password page, to which a link's token is appended ({@code ?token=})
 * @param setPasswordLinkTtl how long a set-password link works (once)
 * @param mailFrom           the sender of emailed links (sent only where {@code spring.mail.host} is set)
 */
@ConfigurationProperties("als.identity")
public record IdentityProperties(String adminUsername, String adminPassword, String setPasswordUrl,
                                 Duration setPasswordLinkTtl, String mailFrom) {

    public IdentityProperties {
        adminUsername = adminUsername == null ? "admin" : adminUsername;
        setPasswordUrl = setPasswordUrl == null ? "http://localhost:8082/set-password" : setPasswordUrl;
        setPasswordLinkTtl = setPasswordLinkTtl == null ? Duration.ofDays(7) : setPasswordLinkTtl;
        mailFrom = mailFrom == null ? "no-reply@localhost" : mailFrom;
    }
}
