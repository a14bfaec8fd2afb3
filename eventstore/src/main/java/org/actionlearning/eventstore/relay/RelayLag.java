package org.actionlearning.eventstore.relay;

import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Events stored but not yet published, from the database: the newest global index minus the relay's token as stored
 * in {@code tokenentry}. Every instance reports the same figure, also those that do not hold the relay's segment
 * (their processor has no position of its own).
 */
@Component
public class RelayLag {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public RelayLag(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public long events() {
        Long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        if (head == null) {
            return 0;
        }
        return Math.max(0, head - relayedPosition().orElse(0));
    }

    /** The lowest position of the relay's segments; empty before it stored a token. */
    public OptionalLong relayedPosition() {
        List<OptionalLong> positions = jdbc.query("select token, tokentype from tokenentry where processorname = ?",
                (row, i) -> position(row.getBytes("token"), row.getString("tokentype")), EventRelay.PROCESSING_GROUP);
        if (positions.isEmpty() || positions.stream().anyMatch(OptionalLong::isEmpty)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(positions.stream().mapToLong(OptionalLong::getAsLong).min().orElseThrow());
    }

    private OptionalLong position(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? OptionalLong.empty() : tracking.position();
    }
}
