package org.actionlearning.query.admin;

import org.actionlearning.query.access.ReadAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.actionlearning.projection.DeadLetters;
import org.actionlearning.projection.ProjectionBatch;
import org.actionlearning.projection.ProjectionConsumer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Operations")
public class DeadLetterController {

    private final DeadLetters deadLetters;
    private final ProjectionConsumer consumer;

    private final ReadAccess access;

    public DeadLetterController(DeadLetters deadLetters, ProjectionConsumer consumer, ReadAccess access) {
        this.deadLetters = deadLetters;
        this.consumer = consumer;
        this.access = access;
    }

    public record DeadLetterReport(List<DeadLetters.Parked> deadLetters, ProjectionBatch.ReplayOutcome lastReplay) {
    }

    @GetMapping
    @Operation(summary = "Records that could not be projected, with the reason, in replay order")
    public DeadLetterReport list() {
        access.requirePlatformAdmin();
        return new DeadLetterReport(deadLetters.parked(), consumer.lastReplay());
    }

    @PostMapping("/replay")
    @Operation(summary = "Try the dead letters again after a fix; projected ones are removed")
    public ResponseEntity<Void> replay() {
        access.requirePlatformAdmin();
        consumer.requestDeadLetterReplay();
        return ResponseEntity.accepted().build();
    }
}
