package org.actionlearning.events.personaldata;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * The wire form of a personal value sealed with its subject's key: {@code pii:v1:<personId>:<base64url>}, where
 * the base64 part is the cipher's output (the encryption itself lives with the keys, in the command service).
 * The subject is readable without the key so that a reader knows whose data it is, and erasure can find it.
 * Pure: no crypto, no I/O.
 *
 * @param subject the person whose key sealed the value
 * @param sealed  the sealed bytes (IV and ciphertext)
 */
public record SealedText(UUID subject, byte[] sealed) {

    private static final String PREFIX = "pii:v1:";
    /** Length of a UUID's canonical text. */
    private static final int UUID_LENGTH = 36;

    public SealedText {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sealed, "sealed");
        sealed = sealed.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    /** The prefix every token of this subject starts with (for finding them, e.g. in SQL {@code like}). */
    public static String prefixOf(UUID subject) {
        return PREFIX + subject + ":";
    }

    /** Whether {@code value} has the form of a sealed token (it may still be tampered with or undecryptable). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX) && tryParse(value) != null;
    }

    /** The token's subject; fails for a value that is not a sealed token. */
    public static UUID subjectOf(String token) {
        return parse(token).subject();
    }

    public static SealedText parse(String token) {
        SealedText parsed = tryParse(token);
        if (parsed == null) {
            throw new IllegalArgumentException("not a sealed personal-data token");
        }
        return parsed;
    }

    /** The token form. */
    public String format() {
        return prefixOf(subject) + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    @Override
    public String toString() {
        return format();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedText that && subject.equals(that.subject)
                && Arrays.equals(sealed, that.sealed);
    }

    @Override
    public int hashCode() {
        return 31 * subject.hashCode() + Arrays.hashCode(sealed);
    }

    private static SealedText tryParse(String token) {
        if (token == null || !token.startsWith(PREFIX)
                || token.length() <= PREFIX.length() + UUID_LENGTH + 1
                || token.charAt(PREFIX.length() + UUID_LENGTH) != ':') {
            return null;
        }
        try {
            UUID subject = UUID.fromString(token.substring(PREFIX.length(), PREFIX.length() + UUID_LENGTH));
            byte[] sealed = Base64.getUrlDecoder().decode(token.substring(PREFIX.length() + UUID_LENGTH + 1));
            return new SealedText(subject, sealed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
