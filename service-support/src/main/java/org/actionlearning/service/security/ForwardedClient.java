package org.actionlearning.service.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client address the query service passes on with a password it checks at the command service for someone
 * else, so that each client's failures are throttled apart. The address is believed only with a signature made
 * with the platform's service password: a client on the same host as the command service (loopback) could
 * otherwise name any address, spray passwords under fresh ones, or spend a victim address's allowance.
 */
public final class ForwardedClient {

    public static final String FORWARDED_FOR = "X-Forwarded-For";
    public static final String SIGNATURE = "X-Forwarded-For-Signature";

    private ForwardedClient() {
    }

    /** The signature of {@code forwardedFor} (the header's whole value) with the service password. */
    public static String signature(String servicePassword, String forwardedFor) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(servicePassword.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = mac.doFinal(("X-Forwarded-For:" + forwardedFor).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code signature} is that of {@code forwardedFor}; never without a service password. */
    public static boolean isSigned(String servicePassword, String forwardedFor, String signature) {
        if (servicePassword == null || servicePassword.isBlank() || forwardedFor == null || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(signature(servicePassword, forwardedFor).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
