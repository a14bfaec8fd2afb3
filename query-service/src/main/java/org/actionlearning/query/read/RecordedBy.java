package org.actionlearning.query.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * Who recorded a record, as its reader may see it: the role that let the recorder record it, always; the recorder's
 * username only for those who may see names (an administrator of the organisation; a set's own people for the set's
 * content), and never once that person was erased.
 *
 * @param role administrator, facilitator, member or system; unknown for a record stored before recorders were kept
 * @param user the recorder's username, absent where names are not shown or not known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordedBy(String role, String user) {

    public static final RecordedBy UNKNOWN = new RecordedBy("unknown", null);

    /** The reader's word for a published role (ADMIN, FACILITATOR, MEMBER, SYSTEM); unknown for none. */
    static String roleLabel(String role) {
        if (role == null) {
            return UNKNOWN.role();
        }
        return switch (role) {
            case "ADMIN" -> "administrator";
            case "FACILITATOR" -> "facilitator";
            case "MEMBER" -> "member";
            case "SYSTEM" -> "system";
            default -> role.toLowerCase(Locale.ROOT);
        };
    }
}
