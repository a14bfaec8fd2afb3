package org.actionlearning.command.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.actionlearning.command.personaldata.PersonKeys.StoredKey;
import org.actionlearning.command.personaldata.PersonalDataVault.Erasure;
import org.actionlearning.events.personaldata.SealedText;
import org.junit.jupiter.api.Test;

/** The vault over an in-memory key table: sealing, unsealing, erasure, and tokens that must not open. */
class PersonalDataVaultTest {

    private static final UUID ZEBEDEE = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID OTHER = UUID.fromString("22222222-2222-4222-8222-222222222222");

    private final InMemoryKeys keys = new InMemoryKeys();
    private final AtomicLong now = new AtomicLong();
    private final PersonalDataVault vault = new PersonalDataVault(keys,
            new PersonalDataProperties(Duration.ofSeconds(60), 100, 100), now::get);

    @Test
    void aSealedValueOpensAgainAndShowsNothingReadable() {
        String token = vault.seal(ZEBEDEE, "Zebedee Quillfeather");

        assertThat(token).startsWith(SealedText.prefixOf(ZEBEDEE)).doesNotContain("Zebedee", "Quillfeather");
        assertThat(new String(SealedText.parse(token).sealed())).doesNotContain("Zebedee");
        assertThat(vault.unseal(token)).contains("Zebedee Quillfeather");
        assertThat(vault.seal(ZEBEDEE, "Zebedee Quillfeather")).as("a fresh IV each time").isNotEqualTo(token);
        assertThat(vault.seal(ZEBEDEE, null)).isNull();
        assertThat(keys.rows).containsOnlyKeys(ZEBEDEE);
    }

    @Test
    void afterErasureTheValueIsGoneAndNothingNewIsSealed() {
        String token = vault.seal(ZEBEDEE, "Zebedee Quillfeather");
        String others = vault.seal(OTHER, "Ann Other");

        assertThat(vault.destroyKey(ZEBEDEE)).isEqualTo(Erasure.ERASED);

        assertThat(vault.unseal(token)).isEmpty();
        assertThat(vault.unseal(others)).contains("Ann Other");
        assertThatThrownBy(() -> vault.seal(ZEBEDEE, "again")).isInstanceOf(ErasedPerson.class);
        assertThat(vault.destroyKey(ZEBEDEE)).isEqualTo(Erasure.ALREADY_ERASED);
        assertThat(vault.destroyKey(UUID.randomUUID())).isEqualTo(Erasure.UNKNOWN);
        assertThat(keys.rows.get(ZEBEDEE).key()).isEmpty();
    }

    @Test
    void anotherInstancesErasureIsSeenOnceTheCachedKeyExpires() {
        String token = vault.seal(ZEBEDEE, "Zebedee Quillfeather");
        keys.rows.put(ZEBEDEE, new StoredKey(ZEBEDEE, Optional.empty()));  // erased elsewhere

        assertThat(vault.unseal(token)).as("within the cache's time to live").isPresent();
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(vault.unseal(token)).isEmpty();
    }

    @Test
    void theKeyCacheHoldsNoMoreKeysThanItsSizeAndErasureElsewhereIsSeenForTheRest() {
        PersonalDataVault small = new PersonalDataVault(keys, new PersonalDataProperties(Duration.ofHours(1), 100, 10),
                now::get);
        Map<UUID, String> tokens = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            UUID person = UUID.randomUUID();
            tokens.put(person, small.seal(person, "person " + i));
        }

        assertThat(small.cachedKeys()).isLessThanOrEqualTo(10);
        tokens.keySet().forEach(person -> keys.rows.put(person, new StoredKey(person, Optional.empty())));
        long stillOpen = tokens.values().stream().filter(token -> small.unseal(token).isPresent()).count();
        assertThat(stillOpen).as("only cached keys outlive an erasure elsewhere, within the TTL").isLessThanOrEqualTo(10);
    }

    @Test
    void aTokenOfAnUnknownPersonOpensToNothing() {
        String token = new SealedText(UUID.randomUUID(), new byte[40]).format();

        assertThat(vault.unseal(token)).isEmpty();
    }

    @Test
    void alteredTokensAreRejectedCleanly() {
        String token = vault.seal(ZEBEDEE, "Zebedee Quillfeather");
        byte[] sealed = SealedText.parse(token).sealed();
        sealed[sealed.length - 1] ^= 1;
        vault.seal(OTHER, "x");

        assertThatThrownBy(() -> vault.unseal(new SealedText(ZEBEDEE, sealed).format()))
                .isInstanceOf(UnreadableToken.class).hasMessageContaining("authentication failed");
        assertThatThrownBy(() -> vault.unseal(new SealedText(OTHER, SealedText.parse(token).sealed()).format()))
                .as("relabelled with another person's id").isInstanceOf(UnreadableToken.class);
        assertThatThrownBy(() -> vault.unseal(new SealedText(ZEBEDEE, new byte[3]).format()))
                .isInstanceOf(UnreadableToken.class);
        assertThatThrownBy(() -> vault.unseal("Zebedee Quillfeather")).isInstanceOf(UnreadableToken.class);
        assertThatThrownBy(() -> vault.unseal(SealedText.prefixOf(ZEBEDEE) + Base64.getEncoder().encodeToString(
                new byte[] {1}) + "!")).isInstanceOf(UnreadableToken.class);
    }

    /** The key table as a map; no transactions, so the vault caches at once. */
    private static final class InMemoryKeys extends PersonKeys {
        final Map<UUID, StoredKey> rows = new HashMap<>();

        InMemoryKeys() {
            super(null, null);
        }

        @Override
        Optional<StoredKey> find(UUID personId) {
            return Optional.ofNullable(rows.get(personId));
        }

        @Override
        Optional<StoredKey> lock(UUID personId) {
            return find(personId);
        }

        @Override
        StoredKey createIfAbsent(UUID personId, byte[] key) {
            return rows.computeIfAbsent(personId, id -> new StoredKey(id, Optional.of(key)));
        }

        @Override
        void destroy(UUID personId) {
            rows.put(personId, new StoredKey(personId, Optional.empty()));
        }
    }
}
