package org.actionlearning.command.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.actionlearning.service.security.SecurityProperties;
import org.springframework.stereotype.Component;

/**
 * The fingerprint of a keyed request: HMAC-SHA256 of the caller, method, path and body. Keyed, so that the stored
 * fingerprints say nothing to someone who can read the table (a plain digest of a small body can be tested
 * against guesses); the caller is part of it, so equal requests of two callers have different fingerprints.
 */
@Component
public class RequestFingerprints {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public RequestFingerprints(IdempotencyProperties idempotency, SecurityProperties security) {
        this.key = new SecretKeySpec(keyOf(idempotency, security), ALGORITHM);
    }

    public String of(String caller, String method, String path, byte[] body) {
        Mac mac = mac(key);
        for (String part : new String[] {caller, method, path}) {
            mac.update(part.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0); // a separator no part contains, so the parts cannot be shifted into each other
        }
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static byte[] keyOf(IdempotencyProperties idempotency, SecurityProperties security) {
        if (idempotency.fingerprintKey() != null) {
            return idempotency.fingerprintKey().getBytes(StandardCharsets.UTF_8);
        }
        String parent = security.jwtSecret() != null ? security.jwtSecret() : security.servicePassword();
        if (parent == null) {
            throw new IllegalStateException("set als.idempotency.fingerprint-key (32 or more random characters)");
        }
        Mac derive = mac(new SecretKeySpec(parent.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        return derive.doFinal("als idempotency fingerprint key".getBytes(StandardCharsets.UTF_8));
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
