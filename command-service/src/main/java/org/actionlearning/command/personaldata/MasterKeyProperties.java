package org.actionlearning.command.personaldata;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key-encryption keys that wrap the person keys in {@code person_key} (envelope encryption): each a base64
 * string of 32 random bytes ({@code openssl rand -base64 32}). No default: the service does not start without one.
 *
 * @param masterKey          wraps every person key; rows wrapped with another key are rewrapped with it at start
 * @param previousMasterKeys older keys, still accepted for unwrapping while rows wrapped with them remain
 */
@ConfigurationProperties("als.personal-data")
public record MasterKeyProperties(String masterKey, List<String> previousMasterKeys) {

    public MasterKeyProperties {
        previousMasterKeys = previousMasterKeys == null ? List.of()
                : previousMasterKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
    }
}
