package org.actionlearning.query.personaldata;

import java.util.Optional;

/**
 * The {@code Authorization} header of the read side's calls to the vault; the one place to plug in service
 * credentials. By default the value of {@code als.personal-data.authorization}, if set.
 */
@FunctionalInterface
public interface VaultAuthorization {

    Optional<String> header();
}
