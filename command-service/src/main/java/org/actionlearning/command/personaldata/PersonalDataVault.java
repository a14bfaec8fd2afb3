package org.actionlearning.command.personaldata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.actionlearning.command.personaldata.PersonKeys.StoredKey;
import org.actionlearning.events.personaldata.SealedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Seals personal values with their subject's key and opens them again, and destroys a person's key on erasure.
 * Keys never leave this service. A person's key is created with the first value sealed for them.
 * <p>
 * Keys are cached in memory for {@code als.personal-data.key-cache-ttl}, at most
 * {@code als.personal-data.key-cache-size} of them, but only once the transaction that read or created them has
 * committed: a key created in a transaction that rolls back must never seal anything.
 */
@Service
public class PersonalDataVault {

    /** What erasing a person did. */
    public enum Erasure { ERASED, ALREADY_ERASED, UNKNOWN }

    private final PersonKeys keys;
    private final AesGcm cipher = new AesGcm();
    /** The keys read or created lately, unwrapped; an empty key = erased, which is final. */
    private final Cache<UUID, Optional<byte[]>> cache;

    @Autowired
    public PersonalDataVault(PersonKeys keys, PersonalDataProperties properties) {
        this(keys, properties, System::nanoTime);
    }

    PersonalDataVault(PersonKeys keys, PersonalDataProperties properties, LongSupplier nanoTime) {
        this.keys = keys;
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.keyCacheSize())
                .expireAfterWrite(properties.keyCacheTtl())
                .ticker(nanoTime::getAsLong)
                .executor(Runnable::run) // evictions on the caller's thread: no pool for a few map operations
                .build();
    }

    /**
     * The token of {@code plaintext} sealed with {@code subject}'s key (created if they have none); null stays null.
     *
     * @throws ErasedPerson if the subject was erased: nothing new is recorded about an erased person
     */
    public String seal(UUID subject, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] key = key(subject, true).orElseThrow(() -> new ErasedPerson(subject));
        return new SealedText(subject, cipher.seal(key, subject, plaintext)).format();
    }

    /** Whether the person was erased: a person with no key yet was not. */
    public boolean isErased(UUID personId) {
        Optional<byte[]> cached = cache.getIfPresent(personId);
        if (cached != null) {
            return cached.isEmpty();
        }
        return keys.find(personId).map(StoredKey::erased).orElse(false);
    }

    /**
     * The plaintext of a token; empty if its subject was erased (or never had a key).
     *
     * @throws UnreadableToken if {@code token} is not a sealed token, or was altered
     */
    public Optional<String> unseal(String token) {
        if (!SealedText.isSealed(token)) {
            throw new UnreadableToken("not a sealed personal-data token");
        }
        SealedText sealed = SealedText.parse(token);
        Optional<byte[]> key = key(sealed.subject(), false);
        return key.map(k -> cipher.open(k, sealed.subject(), sealed.sealed()));
    }

    /**
     * Destroys the person's key, in the caller's transaction; the tombstone stays. Every instance forgets the key
     * within the cache's time to live, this one as soon as the transaction commits.
     */
    public Erasure destroyKey(UUID personId) {
        Optional<StoredKey> stored = keys.lock(personId);
        if (stored.isEmpty()) {
            return Erasure.UNKNOWN;
        }
        if (stored.get().erased()) {
            return Erasure.ALREADY_ERASED;
        }
        keys.destroy(personId);
        cache.invalidate(personId);
        afterCommit(() -> cache.put(personId, Optional.empty()));
        return Erasure.ERASED;
    }

    /** The person's key; empty if they were erased or, unless {@code create}, never had one. */
    private Optional<byte[]> key(UUID personId, boolean create) {
        Optional<byte[]> cached = cache.getIfPresent(personId);
        if (cached != null) {
            return cached;
        }
        Optional<StoredKey> stored = keys.find(personId);
        if (stored.isEmpty() && !create) {
            return Optional.empty();
        }
        StoredKey row = stored.orElseGet(() -> keys.createIfAbsent(personId, cipher.newKey()));
        afterCommit(() -> cache.put(personId, row.key()));
        return row.key();
    }

    /** How many keys this instance holds in memory now. */
    long cachedKeys() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
