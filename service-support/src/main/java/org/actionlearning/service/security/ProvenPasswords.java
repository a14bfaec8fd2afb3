package org.actionlearning.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers for a short while that a username and password were right, so HTTP Basic clients (which send the
 * password with every request) do not pay for bcrypt or a remote check each time. Only a salted digest of the
 * pair is kept, never the password.
 */
public final class ProvenPasswords<T> {

    public static final Duration REMEMBERED = Duration.ofMinutes(1);

    private final byte[] salt = new byte[16];
    private final Map<String, Proven<T>> proven = new ConcurrentHashMap<>();

    private record Proven<T>(T value, Instant until) {
    }

    public ProvenPasswords() {
        new SecureRandom().nextBytes(salt);
    }

    public Optional<T> get(String username, String password) {
        Proven<T> known = proven.get(digest(username, password));
        return known != null && known.until().isAfter(Instant.now()) ? Optional.of(known.value()) : Optional.empty();
    }

    public void remember(String username, String password, T value, Instant until) {
        if (proven.size() > 10_000) {
            proven.values().removeIf(p -> p.until().isBefore(Instant.now()));
        }
        proven.put(digest(username, password), new Proven<>(value, until));
    }

    private String digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
