package org.actionlearning.command.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Emails a set-password link where SMTP is configured ({@code spring.mail.host}: Spring Boot then makes the mail
 * sender) and the user has an address. Without either the link is only shown to the administrator, who hands it
 * over. A failed send is logged (without the link) and reported as not sent: the administrator still has the link.
 */
@Component
class AccessLinkMail {

    private static final Logger log = LoggerFactory.getLogger(AccessLinkMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final IdentityProperties properties;

    AccessLinkMail(ObjectProvider<JavaMailSender> sender, IdentityProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    /** @return whether the link was emailed */
    boolean send(String username, String email, SetPasswordLinks.Link link) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || email == null || email.isBlank()) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(email);
        message.setSubject("Your access to Action Learning Sets");
        message.setText("""
                Hello,

                an account has been made for you (user name: %s). Choose your password here:

                %s

                The link works once, until %s (UTC). If you did not expect this email, ignore it.
                """.formatted(username, link.url(), link.expiresAt().toString().replace('T', ' ')
                .replaceAll("\\.\\d+", "").replace("Z", "")));
        try {
            mail.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Could not email the set-password link of '{}': {}", username, e.getMessage());
            return false;
        }
    }
}
