package org.actionlearning.command.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.personaldata.MasterKeys.Wrapped;
import org.actionlearning.command.personaldata.PersonalDataVault.Erasure;
import org.actionlearning.events.personaldata.SealedText;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The person keys as the table holds them (envelope encryption), on a real PostgreSQL: no row holds a key that
 * opens anything, the master key unwraps them, keys an earlier version stored in plain are wrapped at start, and
 * a new master key rewraps every row while the old one is still given.
 */
class PersonKeyWrappingTest {

    private static final String FIRST = key(1);
    private static final String SECOND = key(2);

    private final DriverManagerDataSource database = new DriverManagerDataSource(
            EmbeddedInfrastructure.newDatabase("person_keys"), "postgres", "postgres");
    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    @Test
    void theTableHoldsOnlyWrappedKeysAndTheMasterKeyUnwrapsThem() {
        migrate(null);
        MasterKeys masterKeys = masterKeys(FIRST);
        PersonalDataVault vault = vault(masterKeys);
        UUID zebedee = UUID.randomUUID();

        String token = vault.seal(zebedee, "Zebedee Quillfeather");

        Map<String, Object> row = jdbc.queryForMap("select key, kek_id from person_key where person_id = ?", zebedee);
        byte[] stored = (byte[]) row.get("key");
        byte[] sealed = SealedText.parse(token).sealed();
        assertThat(row.get("kek_id")).isEqualTo(masterKeys.currentId()).isEqualTo(MasterKeys.idOf(decode(FIRST)));
        assertThat(stored).as("IV, wrapped key and tag").hasSize(12 + 32 + 16);
        assertThatThrownBy(() -> new AesGcm().open(stored, zebedee, sealed)).as("the stored bytes open nothing")
                .isInstanceOf(UnreadableToken.class);
        byte[] unwrapped = masterKeys.unwrap(zebedee, new Wrapped((String) row.get("kek_id"), stored));
        assertThat(new AesGcm().open(unwrapped, zebedee, sealed)).isEqualTo("Zebedee Quillfeather");
        assertThat(java.util.Collections.indexOfSubList(bytes(stored), bytes(unwrapped)))
                .as("the plain key appears nowhere in the row").isEqualTo(-1);
        assertThatThrownBy(() -> masterKeys.unwrap(UUID.randomUUID(), new Wrapped(masterKeys.currentId(), stored)))
                .as("a wrapped key copied to another person's row").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> masterKeys(SECOND).unwrap(zebedee, new Wrapped(masterKeys.currentId(), stored)))
                .as("another master key").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(masterKeys.currentId()).hasMessageContaining("previous-master-keys");

        assertThat(vault(masterKeys).unseal(token)).as("another instance, nothing cached").contains("Zebedee Quillfeather");
        assertThat(vault.destroyKey(zebedee)).isEqualTo(Erasure.ERASED);
        assertThat(jdbc.queryForList("select key, kek_id from person_key where person_id = ?", zebedee))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("key", null).containsEntry("kek_id", null));
        assertThat(vault(masterKeys).unseal(token)).as("erased").isEmpty();
    }

    @Test
    void keysAnEarlierVersionStoredInPlainAreWrappedAtStartAndStillOpenTheirTokens() {
        migrate("4");
        UUID ann = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        byte[] plain = new AesGcm().newKey();
        jdbc.update("insert into person_key (person_id, key) values (?, ?)", ann, plain);
        jdbc.update("insert into person_key (person_id, key, erased_at) values (?, null, now())", erased);
        String token = new SealedText(ann, new AesGcm().seal(plain, ann, "Ann Other")).format();
        migrate(null);
        MasterKeys masterKeys = masterKeys(FIRST);

        assertThat(rewrap(masterKeys)).isEqualTo(1);

        byte[] stored = jdbc.queryForObject("select key from person_key where person_id = ?", byte[].class, ann);
        assertThat(stored).isNotEqualTo(plain).hasSize(60);
        assertThat(jdbc.queryForList("select kek_id from person_key where key is not null", String.class))
                .containsExactly(masterKeys.currentId());
        assertThat(vault(masterKeys).unseal(token)).contains("Ann Other");
        assertThat(rewrap(masterKeys)).as("nothing left to wrap").isZero();
    }

    @Test
    void aNewMasterKeyRewrapsEveryRowWhileTheOldOneIsGivenAsPrevious() {
        migrate(null);
        MasterKeys first = masterKeys(FIRST);
        PersonalDataVault vault = vault(first);
        List<UUID> people = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<String> tokens = people.stream().map(p -> vault.seal(p, "name of " + p)).toList();
        List<byte[]> before = jdbc.queryForList("select key from person_key order by person_id", byte[].class);

        assertThatThrownBy(() -> vault(masterKeys(SECOND)).unseal(tokens.get(0)))
                .as("the new key alone cannot open the old rows").isInstanceOf(IllegalStateException.class);
        MasterKeys rotated = masterKeys(SECOND, FIRST);
        assertThat(vault(rotated).unseal(tokens.get(1))).as("before the rewrap").contains("name of " + people.get(1));
        assertThat(rewrap(rotated)).isEqualTo(3);

        assertThat(jdbc.queryForList("select distinct kek_id from person_key", String.class))
                .containsExactly(MasterKeys.idOf(decode(SECOND)));
        List<byte[]> after = jdbc.queryForList("select key from person_key order by person_id", byte[].class);
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i)).isNotEqualTo(before.get(i));
        }
        PersonalDataVault secondOnly = vault(masterKeys(SECOND));
        for (int i = 0; i < people.size(); i++) {
            assertThat(secondOnly.unseal(tokens.get(i))).contains("name of " + people.get(i));
        }
        assertThatThrownBy(() -> vault(first).unseal(tokens.get(2))).as("the old key alone no longer opens them")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingOrMalformedMasterKeyStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> new MasterKeys(new MasterKeyProperties("", null)))
                .hasMessageContaining("als.personal-data.master-key");
        assertThatThrownBy(() -> new MasterKeys(new MasterKeyProperties("c2hvcnQ=", null)))
                .hasMessageContaining("als.personal-data.master-key").hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new MasterKeys(new MasterKeyProperties(FIRST, List.of("not base64!"))))
                .hasMessageContaining("als.personal-data.previous-master-keys");
        assertThat(new MasterKeys(new MasterKeyProperties(FIRST.replace('+', '-').replace('/', '_'), null))
                .currentId()).as("URL-safe base64 names the same key").isEqualTo(masterKeys(FIRST).currentId());
    }

    private void migrate(String target) {
        var flyway = Flyway.configure().dataSource(database).locations("classpath:db/command")
                .table("flyway_history_command");
        (target == null ? flyway : flyway.target(target)).load().migrate();
    }

    private long rewrap(MasterKeys masterKeys) {
        return new PersonKeyRewrap(new PersonKeys(jdbc, masterKeys), masterKeys,
                new DataSourceTransactionManager(database)).rewrapAll();
    }

    private PersonalDataVault vault(MasterKeys masterKeys) {
        return new PersonalDataVault(new PersonKeys(jdbc, masterKeys),
                new PersonalDataProperties(Duration.ofMinutes(1), 100, 100));
    }

    private static MasterKeys masterKeys(String current, String... previous) {
        return new MasterKeys(new MasterKeyProperties(current, List.of(previous)));
    }

    private static String key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i * 7);
        }
        return Base64.getEncoder().encodeToString(key);
    }

    private static List<Byte> bytes(byte[] value) {
        List<Byte> list = new java.util.ArrayList<>();
        for (byte b : value) {
            list.add(b);
        }
        return list;
    }

    private static byte[] decode(String key) {
        return Base64.getDecoder().decode(key);
    }
}
