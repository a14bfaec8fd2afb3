package org.actionlearning.query.admin;

import org.actionlearning.query.access.ReadAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.actionlearning.projection.RebuildPreconditions;
import org.actionlearning.service.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.actionlearning.projection.ProjectionConsumer;
import org.actionlearning.projection.RebuildStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin")
@Tag(name = "Operations", description = "Rebuild the read models from the topic; compare their content")
public class RebuildController {

    private final ProjectionConsumer consumer;
    private final ReadModelChecksum checksum;
    private final RebuildPreconditions preconditions;

    private final ReadAccess access;

    public RebuildController(ProjectionConsumer consumer, ReadModelChecksum checksum,
                             RebuildPreconditions preconditions, ReadAccess access) {
        this.consumer = consumer;
        this.preconditions = preconditions;
        this.checksum = checksum;
        this.access = access;
    }

    /** A rebuild's state; {@code source}: the topic and, per partition, the offsets it replays. */
    public record RebuildAnswer(String state, String startedAt, String finishedAt, long recordsToReplay,
                                long recordsReplayed, double progress, String topic,
                                List<RebuildStatus.SourcePartition> source, String refusedBecause) {
        static RebuildAnswer of(RebuildStatus s) {
            return new RebuildAnswer(s.state(), s.startedAt() == null ? null : s.startedAt().toString(),
                    s.finishedAt() == null ? null : s.finishedAt().toString(), s.recordsToReplay(),
                    s.recordsReplayed(), s.progress(), s.topic(), s.source(), s.refusedBecause());
        }
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Empty every read model and project the topic again from offset 0; until it has caught up, reads answer 503 with Retry-After. "
            + "Refused (409) while other instances project or when the topic no longer holds every event")
    public ResponseEntity<?> rebuild() {
        access.requirePlatformAdmin();
        RebuildPreconditions.Refusal refusal = preconditions.check();
        if (refusal != null) {
            ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, refusal.title(), refusal.detail(), List.of());
            if (!refusal.missing().isEmpty()) {
                problem.setProperty("missing", refusal.missing());
            }
            return Problems.response(problem);
        }
        return ResponseEntity.accepted().body(RebuildAnswer.of(consumer.requestRebuild()));
    }

    @GetMapping("/rebuild")
    @Operation(summary = "Progress of the last rebuild")
    public RebuildAnswer rebuildStatus() {
        access.requirePlatformAdmin();
        return RebuildAnswer.of(consumer.rebuildStatus());
    }

    @GetMapping("/checksum")
    @Operation(summary = "A fingerprint of each read-model table's content")
    public Map<String, String> checksum() {
        access.requirePlatformAdmin();
        return checksum.byTable();
    }
}
