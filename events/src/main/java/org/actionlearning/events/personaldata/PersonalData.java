package org.actionlearning.events.personaldata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event component that holds personal data (a name, free text). Its value is a {@link SealedText}
 * token encrypted with the key of one person, the subject, so that erasing that person's key makes the value
 * unreadable everywhere it was copied (event store, topic, read models, backups): crypto-shredding.
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonalData {

    /** The name of the record component (a UUID) that identifies the subject, directly or {@link #via()}. */
    String subject();

    /** How the subject follows from the {@link #subject()} component. */
    Via via() default Via.PERSON;

    enum Via {
        /** The component is the person's id. */
        PERSON,
        /** The component is an action's id; the subject is the action's owner (who committed it). */
        ACTION_OWNER
    }
}
