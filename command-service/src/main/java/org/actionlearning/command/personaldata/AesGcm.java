package org.actionlearning.command.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit IV per value; the output is {@code iv || ciphertext+tag}. The subject's id is
 * the associated data, so a token relabelled with another person's id fails authentication instead of decrypting.
 */
final class AesGcm {

    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecureRandom random = new SecureRandom();

    byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    byte[] seal(byte[] key, UUID subject, String plaintext) {
        return seal(key, subject, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    byte[] seal(byte[] key, UUID subject, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, subject);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Fails with {@link UnreadableToken} if the bytes were not sealed with this key for this subject. */
    String open(byte[] key, UUID subject, byte[] sealed) {
        return new String(openBytes(key, subject, sealed), StandardCharsets.UTF_8);
    }

    /** Fails with {@link UnreadableToken} if the bytes were not sealed with this key for this subject. */
    byte[] openBytes(byte[] key, UUID subject, byte[] sealed) {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new UnreadableToken("too short to be sealed");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(sealed, IV_BYTES), subject);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new UnreadableToken("authentication failed: altered, or sealed for someone else");
        } catch (GeneralSecurityException e) {
            throw new UnreadableToken("cannot be opened: " + e.getClass().getSimpleName());
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, UUID subject) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(ByteBuffer.allocate(16).putLong(subject.getMostSignificantBits())
                .putLong(subject.getLeastSignificantBits()).array());
        return cipher;
    }
}
