package org.actionlearning.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.access.ReadAccess;
import org.actionlearning.query.read.change.ChangeQueries;
import org.actionlearning.query.read.change.ProgrammeChanges;
import org.actionlearning.query.read.explanation.ExplanationQueries;
import org.actionlearning.query.read.explanation.FigureExplanation;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Since the last report": what moved in a programme's dashboard between two recorded instants; and a figure
 * explained by the records it was computed from.
 */
@RestController
@RequestMapping("/api/programmes")
@Tag(name = "Programmes")
@ApiResponse(responseCode = "400", description = "A malformed id, date or instant, or from not before to",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "No such programme",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class ProgrammeChangesController {

    private final ChangeQueries changes;
    private final ReadAccess access;
    private final Clock clock;
    private final ExplanationQueries explanations;

    public ProgrammeChangesController(ChangeQueries changes, ReadAccess access, Clock clock,
                                      ExplanationQueries explanations) {
        this.explanations = explanations;
        this.changes = changes;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/{programmeId}/changes")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "What changed", description = "Each dashboard figure that moved between two recorded "
            + "instants (as of one date), from what to what, and the records stored in between (type, business "
            + "date, when and by whom recorded: the recorder's role, and their username for an administrator of the "
            + "organisation, never for a sponsor). Aggregates only: nothing of a meeting of fewer than 3 attendees.")
    public ProgrammeChanges changes(
            @PathVariable("programmeId") UUID programmeId,
            @Parameter(description = "The earlier report's recordedBy, in the forms recordedBy takes (an ISO "
                    + "instant, a date-time read as UTC, or a date: its start, UTC)", required = true)
            @RequestParam(name = "from") String fromText,
            @Parameter(description = "The later one, in the same forms; defaults to recordedBy, else now")
            @RequestParam(name = "to", required = false) String toText, PastView view) {
        // one parser for every instant of a read, so that from and to take what recordedBy takes
        Instant from = PastViewResolver.instant("from", fromText, null);
        Instant to = PastViewResolver.instant("to", toText, null);
        if (from == null) {
            throw new InvalidParameter("from", "is required");
        }
        access.requireProgrammeAggregates(programmeId);
        Instant until = to != null ? to : view.recordedBy() != null ? view.recordedBy() : clock.instant();
        if (!from.isBefore(until)) {
            throw new InvalidParameter("from", "from must be before to (" + until + ")");
        }
        return changes.between(programmeId, view.asOf(), from, until, access.administers(programmeId));
    }

    @GetMapping("/{programmeId}/explain")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "Explain a figure", description = "The records one of the dashboard's counts or "
            + "follow-through figures, or the ROI report's costs or benefits, was computed from, in the same view: "
            + "type, business date, when recorded (and an overdue action's due date in force; a cost's amount and "
            + "category; a point's value or an estimate's attribution × confidence, and its metric; who recorded "
            + "it: the role, and the username for an administrator of the organisation). Never a name of whom a "
            + "record is about, "
            + "a text or a person's id; nothing of a meeting of fewer than 3 attendees. To a sponsor, a metric's "
            + "attribution estimates (each one participant's answer) only as their mean (AttributionEstimatesMean), "
            + "over the whole groups of three the isolation factor counts. Figures: meetingsHeld, "
            + "challengesPresented, questionsAsked, statementsMade, committed, completed, abandoned, open, overdue, "
            + "costs, benefits.")
    public FigureExplanation explain(
            @PathVariable("programmeId") UUID programmeId,
            @Parameter(description = "The figure's name as the dashboard gives it, e.g. meetingsHeld", required = true)
            @RequestParam(name = "figure") String figure, PastView view) {
        access.requireProgrammeAggregates(programmeId);
        if (!ExplanationQueries.FIGURES.contains(figure)) {
            throw new InvalidParameter("figure", "figure must be one of "
                    + new java.util.TreeSet<>(ExplanationQueries.FIGURES));
        }
        return explanations.explain(programmeId, figure, view, access.administers(programmeId));
    }
}
