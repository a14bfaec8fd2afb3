package org.actionlearning.command.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.NotPermitted;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operating the relay (re-publishing) and the positions reconciliation compares (service to service). */
@RestController
@Tag(name = "Relay", description = "Re-publish the event store to the topic; per-aggregate positions")
public class RelayController {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;

    private final RelayRepublish republish;
    private final AggregatePositions positions;

    public RelayController(RelayRepublish republish, AggregatePositions positions) {
        this.republish = republish;
        this.positions = positions;
    }

    public record RepublishAnswer(long eventsToPublish) {
    }

    public record PositionsPage(List<AggregatePositions.Position> positions, String next) {
    }

    @PostMapping("/api/admin/relay/republish")
    @Operation(summary = "Publish every stored event again, from the first", description = "Resets the relay's "
            + "token and its per-aggregate positions; the relay then publishes the whole event store to the topic "
            + "(records already there come again with the same event ids, which the read side applies once). For a "
            + "topic that lost records, or after restoring the event store. 409 when another instance holds the "
            + "relay.")
    public ResponseEntity<RepublishAnswer> republish() {
        if (!Callers.current().isPlatformAdmin()) {
            throw new NotPermitted("re-publishing needs ADMIN of every organisation (ADMIN:*)");
        }
        return ResponseEntity.accepted().body(new RepublishAnswer(republish.republish()));
    }

    @GetMapping("/api/internal/aggregate-positions")
    @Operation(summary = "Per aggregate, the last sequence stored and published (service to service)",
            description = "Ordered by aggregate id; next is the last id of the page, null on the last page.")
    public PositionsPage aggregatePositions(@RequestParam(required = false) String after,
                                            @RequestParam(required = false) Integer limit) {
        if (!Callers.current().isService()) {
            throw new NotPermitted("aggregate positions are for the platform's services (the built-in service user)");
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidCommandValue("limit", "between 1 and " + MAX_LIMIT + ", not " + size);
        }
        List<AggregatePositions.Position> page = positions.page(after, size);
        String next = page.size() < size ? null : page.get(page.size() - 1).aggregateId();
        return new PositionsPage(page, next);
    }
}
