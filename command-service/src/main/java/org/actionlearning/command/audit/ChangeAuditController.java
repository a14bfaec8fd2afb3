package org.actionlearning.command.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.Grant;
import org.actionlearning.service.security.NotPermitted;
import org.actionlearning.service.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who changed what: every stored event with the user whose command caused it, newest first. An organisation's
 * administrator sees the changes in their organisation; a platform administrator sees all.
 */
@RestController
@Tag(name = "Audit", description = "Who changed what")
class ChangeAuditController {

    private final ChangeAudit changes;

    ChangeAuditController(ChangeAudit changes) {
        this.changes = changes;
    }

    @GetMapping("/api/audit/changes")
    @Operation(summary = "Changes, newest first", description = "Filter by user and/or aggregate id (programme, set, "
            + "action or outcome metric); at most `limit` (1..1000, default 100).")
    List<ChangeAudit.Change> changes(@RequestParam(name = "user", required = false) String user,
                         @RequestParam(name = "aggregateId", required = false) UUID aggregateId,
                         @RequestParam(name = "limit", defaultValue = "100") int limit) {
        Caller caller = Callers.current();
        if (!caller.isAdmin()) {
            throw new NotPermitted("the audit trail needs ADMIN of an organisation");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidCommandValue("limit", "must be between 1 and 1000");
        }
        List<String> organisations = caller.isPlatformAdmin() ? null : caller.grants().stream()
                .filter(g -> g.role() == Role.ADMIN).map(Grant::scope).toList();
        // an id that is no UUID matches no aggregate: a 400 naming it (as a malformed id anywhere), not an empty list
        return changes.find(user, aggregateId == null ? null : aggregateId.toString(), organisations, limit);
    }
}
