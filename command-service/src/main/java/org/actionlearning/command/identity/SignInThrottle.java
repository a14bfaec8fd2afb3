package org.actionlearning.command.identity;

import io.github.bucket4j.Bandwidth;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Token buckets of failed sign-ins (Bucket4j), one per username and one per client address: a failure takes a
 * token from both, and while either is empty the next sign-in is refused without checking the password, so
 * guessing costs time whatever the guesser varies. A bucket is refilled whole at the end of each window (a fixed
 * number of failures per window, not a trickle that a patient guesser could keep draining). Only failures count,
 * so users signing in rightly (HTTP Basic on every request) never spend anything. The buckets live in this
 * instance's memory.
 * <p>
 * An account's bucket would let anyone lock its owner out by failing on purpose, so it does not apply to an address
 * the account signed in from lately: from there only the address's own bucket counts. A guesser would have to
 * sign in from the owner's address first, which needs the password.
 */
@Component
public class SignInThrottle {

    /** Past this many buckets, full ones (nobody failed lately) are dropped: a spray of names cannot fill memory. */
    private static final int MAX_BUCKETS = 100_000;
    /** How long an address an account signed in from stays free of the account's bucket. */
    private static final Duration KNOWN_FOR = Duration.ofDays(30);

    private final SignInProperties properties;
    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();
    private final Cache<String, Boolean> knownAddresses = Caffeine.newBuilder()
            .maximumSize(MAX_BUCKETS).expireAfterWrite(KNOWN_FOR).build();

    public SignInThrottle(SignInProperties properties) {
        this.properties = properties;
    }

    /** How long until this sign-in may be tried; empty if it may be tried now. */
    public Optional<Duration> refusedFor(String username, String client) {
        long accountWait = known(username, client) ? 0 : waitOf(accounts.get(username));
        long wait = Math.max(accountWait, waitOf(clients.get(client)));
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    public void failed(String username, String client) {
        bucket(accounts, username, properties.failuresPerAccount()).tryConsume(1);
        bucket(clients, client, properties.failuresPerClient()).tryConsume(1);
    }

    public void succeeded(String username, String client) {
        knownAddresses.put(key(username, client), Boolean.TRUE);
    }

    private boolean known(String username, String client) {
        return knownAddresses.getIfPresent(key(username, client)) != null;
    }

    private static String key(String username, String client) {
        return username + '\n' + client; // a username cannot hold a line break
    }

    private static long waitOf(Bucket bucket) {
        if (bucket == null) {
            return 0;
        }
        var probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int capacity) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity)
                        .refillIntervally(capacity, properties.window()).build())
                .build());
    }
}
