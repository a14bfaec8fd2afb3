package org.actionlearning.command.personaldata;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * Keys are cached in memory for {@code als.personal-data.key-cache-ttl}, but only once the transaction that read
 * or created them has committed: a key created in a transaction that rolls back must never seal anything.
 */
@Service
public class PersonalDataVault {

    /** What erasing a person did. */
    public enum Erasure { ERASED, ALREADY_ERASED, UNKNOWN }

    /** A cached row; {@code key} empty = erased, which is final. */
    private record Cached(Optional<byte[]> key, long loadedAt) {
    }

    private final PersonKeys keys;
    private final AesGcm cipher = new AesGcm();
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    @Autowired
    public PersonalDataVault(PersonKeys keys, PersonalDataProperties properties) {
        this(keys, properties, System::nanoTime);
    }

    PersonalDataVault(PersonKeys keys, PersonalDataProperties properties, LongSupplier nanoTime) {
        this.keys = keys;
        this.ttlNanos = properties.keyCacheTtl().toNanos();
        this.nanoTime = nanoTime;
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
        cache.remove(personId);
        afterCommit(() -> cache.put(personId, new Cached(Optional.empty(), nanoTime.getAsLong())));
        return Erasure.ERASED;
    }

    /** The person's key; empty if they were erased or, unless {@code create}, never had one. */
    private Optional<byte[]> key(UUID personId, boolean create) {
        Cached cached = cache.get(personId);
        if (cached != null && (cached.key().isEmpty() || nanoTime.getAsLong() - cached.loadedAt() <= ttlNanos)) {
            return cached.key();
        }
        Optional<StoredKey> stored = keys.find(personId);
        if (stored.isEmpty() && !create) {
            return Optional.empty();
        }
        StoredKey row = stored.orElseGet(() -> keys.createIfAbsent(personId, cipher.newKey()));
        afterCommit(() -> cache.put(personId, new Cached(row.key(), nanoTime.getAsLong())));
        return row.key();
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
