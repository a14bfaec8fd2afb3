package org.actionlearning.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets of a data directory: made once and kept, the ones an older file lacks added on the next start, and
 * a master key renamed to a previous one by hand (rotation) replaced by a new one, both given to the command service.
 */
class PlatformSecretsTest {

    @TempDir
    Path dataDirectory;

    @Test
    void theDatabasePasswordAndMasterKeyAreMadeOnceAndKept() throws Exception {
        PlatformSecrets first = PlatformSecrets.in(dataDirectory, null);
        PlatformSecrets again = PlatformSecrets.in(dataDirectory, null);

        assertThat(Base64.getDecoder().decode(first.masterKey())).hasSize(32);
        assertThat(first.databasePassword()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(again.masterKey()).isEqualTo(first.masterKey());
        assertThat(again.databasePassword()).isEqualTo(first.databasePassword());
        assertThat(first.commandServiceArguments()).contains("--als.personal-data.master-key=" + first.masterKey());
        assertThat(first.queryServiceArguments("http://localhost:1")).noneMatch(a -> a.contains(first.masterKey()));
    }

    @Test
    void anOlderSecretsFileGetsWhatItLacksAndKeepsTheRest() throws Exception {
        Files.writeString(dataDirectory.resolve(PlatformSecrets.FILE), """
                jwt-secret=an-older-jwt-secret-of-enough-length-0123456789
                service-password=older-service
                admin-password=older-admin
                """);

        PlatformSecrets secrets = PlatformSecrets.in(dataDirectory, null);

        assertThat(secrets.jwtSecret()).isEqualTo("an-older-jwt-secret-of-enough-length-0123456789");
        assertThat(secrets.adminPassword()).isEqualTo("older-admin");
        assertThat(secrets.databasePassword()).isNotBlank();
        assertThat(Files.readString(dataDirectory.resolve(PlatformSecrets.FILE)))
                .contains("database-password=", "master-key=");
    }

    @Test
    void aMasterKeyMovedToPreviousByHandIsReplacedAndBothAreGiven() throws Exception {
        String old = PlatformSecrets.in(dataDirectory, null).masterKey();
        Path file = dataDirectory.resolve(PlatformSecrets.FILE);
        Files.writeString(file, Files.readString(file).replace("master-key=", "previous-master-keys="));

        PlatformSecrets rotated = PlatformSecrets.in(dataDirectory, null);

        assertThat(rotated.masterKey()).isNotEqualTo(old);
        assertThat(rotated.commandServiceArguments()).contains("--als.personal-data.master-key=" + rotated.masterKey(),
                "--als.personal-data.previous-master-keys=" + old);
    }
}
