package org.actionlearning.events.envelope;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.events.DomainEvent;
import org.actionlearning.events.learningset.PulseAnswered;
import org.actionlearning.events.learningset.PulseContributed;

/**
 * Who recorded an event: the user whose command caused it and the grant that let them send it. The command side
 * keeps these in each stored event's metadata (under {@link #NAME}, {@link #PERSON}, {@link #ROLE}); the relay
 * copies them into the envelope.
 *
 * @param user     the account's username; sealed with the person's key when the account is a person's (as every
 *                 name of a person is on the topic), so that it is unreadable once they are erased; null if unknown
 * @param personId the person the account is in the sets, if any: how an erased recorder is recognised
 * @param role     {@link #ADMIN}, {@link #FACILITATOR}, {@link #MEMBER} or {@link #SYSTEM}
 */
public record Recorder(String user, UUID personId, String role) {

    /** Metadata keys of a stored event: the username in plain text, for the command side's own audit trail. */
    public static final String USER = "user";
    /** The username as published: sealed with the person's key for a person's account. */
    public static final String NAME = "recorderName";
    public static final String PERSON = "person";
    public static final String ROLE = "role";

    public static final String ADMIN = "ADMIN";
    public static final String FACILITATOR = "FACILITATOR";
    public static final String MEMBER = "MEMBER";
    /** Work the platform does by itself, on no user's command. */
    public static final String SYSTEM = "SYSTEM";

    /**
     * A pulse answer is unlinked from its person by design: who sent it is never published (the command side's
     * audit leaves these out too).
     */
    private static final Set<Class<?>> UNATTRIBUTED = Set.of(PulseContributed.class, PulseAnswered.class);

    /**
     * The recorder named by a stored event's metadata; null if the event is unattributed or was stored before the
     * role was kept: such an event names its user but not the person they are, so an erased recorder could not be
     * told, and it is published as recorded by an unknown recorder.
     */
    public static Recorder of(Map<String, ?> metadata, DomainEvent event) {
        Object role = metadata.get(ROLE);
        if (role == null || UNATTRIBUTED.contains(event.getClass())) {
            return null;
        }
        Object name = metadata.get(NAME);
        Object person = metadata.get(PERSON);
        return new Recorder(name == null ? null : name.toString(),
                person == null ? null : UUID.fromString(person.toString()), role.toString());
    }
}
