package org.actionlearning.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.actionlearning.query.access.ReadAccess;
import org.actionlearning.query.reconciliation.Reconciliation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/reconciliation")
@Tag(name = "Operations")
public class ReconciliationController {

    private final Reconciliation reconciliation;
    private final ReadAccess access;

    public ReconciliationController(Reconciliation reconciliation, ReadAccess access) {
        this.reconciliation = reconciliation;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Compare each aggregate's last sequence stored and published (command service) with the last "
            + "applied here; lists the aggregates behind, where their events stopped and since when")
    public Reconciliation.Report check() {
        access.requirePlatformAdmin();
        return reconciliation.check();
    }
}
