package org.actionlearning.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.actionlearning.query.access.ReadAudit;
import org.actionlearning.query.read.programme.ProgrammeQueries;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.NotPermitted;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who read a set's confidential detail, for the administrators of the set's organisation. */
@RestController
@Tag(name = "Audit", description = "Who read confidential detail")
class ReadAuditController {

    private final ReadAudit audit;
    private final ProgrammeQueries programmes;

    ReadAuditController(ReadAudit audit, ProgrammeQueries programmes) {
        this.audit = audit;
        this.programmes = programmes;
    }

    @GetMapping("/api/audit/reads")
    @Operation(summary = "Reads of confidential detail, newest first", description = "Fairness audits and set "
            + "records read, by whom and when; filter by set and/or user; at most `limit` (1..1000, default 100).")
    List<ReadAudit.Read> reads(@RequestParam(name = "setId", required = false) UUID setId,
                               @RequestParam(name = "user", required = false) String user,
                               @RequestParam(name = "limit", defaultValue = "100") int limit) {
        Caller caller = Callers.current();
        if (!caller.isAdmin()) {
            throw new NotPermitted("the audit trail needs ADMIN of an organisation");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidParameter("limit", "must be between 1 and 1000");
        }
        List<UUID> administered = caller.isPlatformAdmin() ? null : programmes.programmes().stream()
                .filter(p -> caller.isAdminOf(p.organisation())).map(p -> p.programmeId()).toList();
        return audit.reads(administered, setId, user, limit);
    }
}
