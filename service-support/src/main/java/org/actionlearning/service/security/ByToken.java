package org.actionlearning.service.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is remembered per bearer token, keyed by the whole token (signature included). Bounded: past
 * {@link #CAPACITY} tokens the memory starts again rather than growing.
 */
final class ByToken<V> {

    /** Enough for every user of a busy instance. */
    static final int CAPACITY = 10_000;

    private final Map<String, V> values = new ConcurrentHashMap<>();

    V get(String token) {
        return values.get(token);
    }

    void put(String token, V value) {
        if (values.size() >= CAPACITY) {
            values.clear();
        }
        values.put(token, value);
    }
}
