package org.actionlearning.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The keys the embedded platform needs, made once per data directory and kept in {@code secrets.properties}
 * (readable by its owner only): the HMAC key of the tokens both services accept, the password the query service
 * checks passwords with, the first administrator's password ({@code ALS_ADMIN_PASSWORD} chooses it), the embedded
 * PostgreSQL's superuser password, the master key that wraps the person keys and the HMAC key of the fingerprints
 * stored with Idempotency-Keys. A data directory of an earlier version gets the secrets it lacks on its next start.
 */
record PlatformSecrets(String jwtSecret, String servicePassword, String adminPassword, boolean adminPasswordIsNew,
                       String databasePassword, String masterKey, String previousMasterKeys, String idempotencyKey) {

    static final String FILE = "secrets.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    static PlatformSecrets in(Path dataDirectory, String chosenAdminPassword) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                stored.load(reader);
            }
        }
        boolean newAdmin = chosenAdminPassword == null && stored.getProperty("admin-password") == null;
        PlatformSecrets secrets = new PlatformSecrets(
                stored.getProperty("jwt-secret", random(48)),
                stored.getProperty("service-password", random(24)),
                chosenAdminPassword != null ? chosenAdminPassword : stored.getProperty("admin-password", random(12)),
                newAdmin,
                stored.getProperty("database-password", random(24)),
                stored.getProperty("master-key", Base64.getEncoder().encodeToString(bytes(32))),
                // written by hand to rotate the master key (docs/trust/secrets-and-identity.md); never made here
                stored.getProperty("previous-master-keys", ""),
                stored.getProperty("idempotency-fingerprint-key", random(32)));
        stored.setProperty("jwt-secret", secrets.jwtSecret());
        stored.setProperty("service-password", secrets.servicePassword());
        stored.setProperty("admin-password", secrets.adminPassword());
        stored.setProperty("database-password", secrets.databasePassword());
        stored.setProperty("master-key", secrets.masterKey());
        stored.setProperty("idempotency-fingerprint-key", secrets.idempotencyKey());
        if (!Files.exists(file)) {
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data directory's own protection applies
            }
        }
        try (Writer writer = Files.newBufferedWriter(file)) {
            stored.store(writer, "Keys of this platform's data; keep private");
        }
        return secrets;
    }

    /** For the command service, which keeps the users, signs the tokens and holds the person keys. */
    List<String> commandServiceArguments() {
        return List.of("--als.security.jwt-secret=" + jwtSecret, "--als.security.service-password=" + servicePassword,
                "--als.identity.admin-password=" + adminPassword, "--als.personal-data.master-key=" + masterKey,
                "--als.personal-data.previous-master-keys=" + previousMasterKeys,
                "--als.idempotency.fingerprint-key=" + idempotencyKey);
    }

    /** For the query service, which checks the tokens and sends passwords to the command service. */
    List<String> queryServiceArguments(String commandUrl) {
        return List.of("--als.security.jwt-secret=" + jwtSecret, "--als.security.identity-url=" + commandUrl,
                "--als.security.service-password=" + servicePassword);
    }

    private static String random(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
    }

    private static byte[] bytes(int count) {
        byte[] value = new byte[count];
        RANDOM.nextBytes(value);
        return value;
    }

    @Override
    public String toString() {
        return "PlatformSecrets[...]"; // never printed by accident
    }
}
