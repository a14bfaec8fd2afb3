package org.actionlearning.command.personaldata;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Tells a programme that a person whose data it holds is erased. Implemented on the programme side, so that personal
 * data does not depend on programmes: programmes (and the learning sets they form) depend on personal data instead.
 */
public interface ErasureNotices {

    /** Inside the erasure's transaction: the notice commits with the destroyed key, or neither does. */
    void personErased(UUID programmeId, UUID personId, LocalDate erasedOn);
}
