package org.actionlearning.command.identity;

import java.util.Set;
import org.actionlearning.service.security.Grant;
import org.actionlearning.service.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates the first administrator from configuration when the store does not have them yet. */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final IdentityProperties properties;
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;

    BootstrapAdmin(IdentityProperties properties, UserAccounts accounts, PasswordEncoder encoder) {
        this.properties = properties;
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = properties.adminPassword();
        if (password == null || password.isBlank() || accounts.exists(properties.adminUsername())) {
            return;
        }
        accounts.create(new Account(properties.adminUsername(), encoder.encode(password), null,
                Set.of(new Grant(Role.ADMIN, Grant.EVERYWHERE))), "bootstrap");
        log.info("Created administrator '{}' (ADMIN of every organisation)", properties.adminUsername());
    }
}
