package org.actionlearning.query.read.set;

import java.util.List;
import java.util.UUID;

/** A set and its current members, ordered by display name. */
public record Roster(SetEntry set, List<Member> members) {

    /** @param displayName null once the member was erased, or while it cannot be opened */
    public record Member(UUID personId, String displayName, boolean erased) {
    }
}
