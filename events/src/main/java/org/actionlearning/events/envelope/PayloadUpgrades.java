package org.actionlearning.events.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Every payload upgrade of the published language, applied in version order. */
public final class PayloadUpgrades {

    private static final List<PayloadUpgrade> ALL = List.of(new MemberJoinedAddsJoinedOn(),
            new AttributionEstimatedAddsEstimatedOn());

    private PayloadUpgrades() {
    }

    /**
     * The payload brought from {@code version} to the current version of its type (a copy; the input is not
     * changed). Throws {@link UnreadableEventException} for a version newer than this reader knows.
     */
    public static JsonNode toCurrent(EventType type, int version, JsonNode payload) {
        if (version > type.version()) {
            throw new UnreadableEventException("%s has schema version %d, this reader knows %d"
                    .formatted(type.name(), version, type.version()));
        }
        if (version == type.version()) {
            return payload;
        }
        if (!(payload instanceof ObjectNode object)) {
            throw new UnreadableEventException(type.name() + " payload is not a JSON object");
        }
        ObjectNode upgraded = object.deepCopy();
        for (int from = version; from < type.version(); from++) {
            upgradeFor(type.name(), from).upgrade(upgraded);
        }
        return upgraded;
    }

    private static PayloadUpgrade upgradeFor(String eventType, int fromVersion) {
        return ALL.stream().filter(u -> u.eventType().equals(eventType) && u.fromVersion() == fromVersion)
                .findFirst()
                .orElseThrow(() -> new UnreadableEventException("no upgrade of %s from version %d"
                        .formatted(eventType, fromVersion)));
    }

    /** v1 to v2: version 1 did not record when a member joined. */
    static final class MemberJoinedAddsJoinedOn implements PayloadUpgrade {
        @Override
        public String eventType() {
            return "MemberJoined";
        }

        @Override
        public int fromVersion() {
            return 1;
        }

        @Override
        public void upgrade(ObjectNode payload) {
            payload.putNull("joinedOn");
        }
    }

    /** v1 to v2: version 1 had no business date; null stands for the day the estimate was recorded. */
    static final class AttributionEstimatedAddsEstimatedOn implements PayloadUpgrade {
        @Override
        public String eventType() {
            return "AttributionEstimated";
        }

        @Override
        public int fromVersion() {
            return 1;
        }

        @Override
        public void upgrade(ObjectNode payload) {
            payload.putNull("estimatedOn");
        }
    }
}
