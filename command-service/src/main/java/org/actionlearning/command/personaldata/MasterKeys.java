package org.actionlearning.command.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Wraps person keys with a key-encryption key (AES-256-GCM, the person's id as associated data, so a wrapped key
 * copied to another person's row does not unwrap) and unwraps them with whichever configured key wrapped them.
 * A key is known by its id, a digest of the key itself, stored with each row: rotation needs no numbering, and the
 * id tells nothing about the key.
 */
@Component
public class MasterKeys {

    static final String PROPERTY = "als.personal-data.master-key";
    private static final String PREVIOUS = "als.personal-data.previous-master-keys";

    /** A person key as stored: the id of the key that wrapped it, and the wrapped bytes. */
    record Wrapped(String kekId, byte[] bytes) {
    }

    private final AesGcm cipher = new AesGcm();
    private final String currentId;
    /** Every key this instance can unwrap with, by id; the current one first. */
    private final Map<String, byte[]> byId = new LinkedHashMap<>();

    public MasterKeys(MasterKeyProperties properties) {
        if (properties.masterKey() == null || properties.masterKey().isBlank()) {
            throw new IllegalStateException("set " + PROPERTY + " (ALS_MASTER_KEY): base64 of 32 random bytes, "
                    + "for example from `openssl rand -base64 32`; it wraps the person keys");
        }
        byte[] current = decode(properties.masterKey(), PROPERTY);
        currentId = idOf(current);
        byId.put(currentId, current);
        for (String previous : properties.previousMasterKeys()) {
            byte[] key = decode(previous, PREVIOUS);
            byId.putIfAbsent(idOf(key), key);
        }
    }

    /** The id of the key new and rewrapped rows are wrapped with. */
    String currentId() {
        return currentId;
    }

    Wrapped wrap(UUID personId, byte[] personKey) {
        return new Wrapped(currentId, cipher.seal(byId.get(currentId), personId, personKey));
    }

    /**
     * The person key in plain.
     *
     * @throws IllegalStateException if the row was wrapped with a key this instance was not given, or altered
     */
    byte[] unwrap(UUID personId, Wrapped wrapped) {
        byte[] kek = byId.get(wrapped.kekId());
        if (kek == null) {
            throw new IllegalStateException("the key of person " + personId + " is wrapped with master key "
                    + wrapped.kekId() + ", which this instance does not have: add it to " + PREVIOUS);
        }
        try {
            return cipher.openBytes(kek, personId, wrapped.bytes());
        } catch (UnreadableToken e) {
            throw new IllegalStateException("the wrapped key of person " + personId + " does not open with master key "
                    + wrapped.kekId() + ": " + e.getMessage());
        }
    }

    /** Whether a row wrapped with {@code kekId} can be unwrapped here. */
    boolean knows(String kekId) {
        return byId.containsKey(kekId);
    }

    /** The first 8 bytes of HMAC-SHA256(key, label), in hex: names the key without telling anything about it. */
    static String idOf(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal("als person-key master key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] decode(String value, String property) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64: " + e.getMessage());
        }
        if (key.length != AesGcm.KEY_BYTES) {
            throw new IllegalStateException(property + " must be " + AesGcm.KEY_BYTES + " bytes in base64, not "
                    + key.length + " bytes");
        }
        return key;
    }

    @Override
    public String toString() {
        return "MasterKeys[current " + currentId + ", " + byId.size() + " known]"; // never the keys
    }
}
