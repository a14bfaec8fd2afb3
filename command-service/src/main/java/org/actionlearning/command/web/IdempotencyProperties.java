package org.actionlearning.command.web;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param fingerprintKey the HMAC key of the request fingerprints kept with Idempotency-Keys (at least 32 bytes).
 *                       Unset, a key is derived from {@code als.security.jwt-secret} or, failing that, from the
 *                       service password: a separate key (HMAC of a label), so a fingerprint reveals neither.
 */
@ConfigurationProperties("als.idempotency")
public record IdempotencyProperties(String fingerprintKey) {

    public IdempotencyProperties {
        fingerprintKey = fingerprintKey == null || fingerprintKey.isBlank() ? null : fingerprintKey;
        if (fingerprintKey != null && fingerprintKey.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("als.idempotency.fingerprint-key must be at least 32 bytes");
        }
    }
}
