package org.actionlearning.command.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;

/** A 201 answer: the created resource's location and the ids the caller needs next. */
public final class Created {

    private Created() {
    }

    public static ResponseEntity<Map<String, UUID>> at(String location, String idName, UUID id) {
        return at(location, Map.of(idName, id));
    }

    public static ResponseEntity<Map<String, UUID>> at(String location, Map<String, UUID> ids) {
        return ResponseEntity.created(URI.create(location)).body(new LinkedHashMap<>(ids));
    }
}
