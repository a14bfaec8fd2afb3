package org.actionlearning.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.query.access.ReadAccess;
import org.actionlearning.query.read.action.ActionFilter;
import org.actionlearning.query.read.action.ActionQueries;
import org.actionlearning.query.read.action.ActionView;
import org.actionlearning.query.read.programme.ProgrammeDashboard;
import org.actionlearning.query.read.programme.ProgrammeQueries;
import org.actionlearning.query.read.programme.ProgrammeSummary;
import org.actionlearning.query.read.programme.SetBreakdown;
import org.actionlearning.query.read.roi.ProgrammeRoi;
import org.actionlearning.query.read.roi.RoiQueries;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Callers;
import org.actionlearning.query.read.PastView;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/programmes")
@Tag(name = "Programmes", description = "Programmes, their dashboards, committed actions and return on investment")
@ApiResponse(responseCode = "400", description = "A malformed id, date or status value",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "No such programme",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class ProgrammeQueryController {

    private final ProgrammeQueries programmes;
    private final ActionQueries actions;
    private final RoiQueries roi;
    private final ReadAccess access;

    public ProgrammeQueryController(ProgrammeQueries programmes, ActionQueries actions, RoiQueries roi,
                                    ReadAccess access) {
        this.programmes = programmes;
        this.actions = actions;
        this.roi = roi;
        this.access = access;
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "List programmes", description = "The programmes you administer, sponsor or take part in, "
            + "each with its number of sets and of distinct active members over its sets.")
    public List<ProgrammeSummary> programmes() {
        Caller caller = Callers.current();
        return access.listed(caller, programmes.programmes());
    }

    @GetMapping("/{programmeId}/dashboard")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "Programme dashboard", description = "Activity counts, action follow-through, participation "
            + "balance (means over opened meetings), outcome metrics and ROI, as of a date and as recorded by an "
            + "instant. Aggregates only, over the meetings held with at least 3 attendees (the others' activity and "
            + "actions are in no figure, totals included; the counts of sets and members include everyone).")
    public ProgrammeDashboard dashboard(
            @PathVariable("programmeId") UUID programmeId, PastView view) {
        access.requireProgrammeAggregates(programmeId);
        return programmes.dashboard(programmeId, view);
    }

    @GetMapping("/{programmeId}/sets")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "Sets side by side", description = "Each set's members, meetings held, mean gini, actions "
            + "committed and completion rate, over its meetings held with at least 3 attendees. A set with no such "
            + "meeting shows only its name and size, with the reason in `withheld`; meetings of fewer than 3 "
            + "attendees are in no figure.")
    public List<SetBreakdown> sets(
            @PathVariable("programmeId") UUID programmeId, PastView view) {
        access.requireProgrammeAggregates(programmeId);
        return programmes.setBreakdown(programmeId, view);
    }

    @GetMapping("/{programmeId}/actions")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "Committed actions", description = "The programme's actions, ordered by commitment and due "
            + "date, optionally filtered by a comma-separated list of statuses (an action is listed if it matches "
            + "any): open, overdue (open and due before asOf), completed, abandoned. A set's members and facilitator "
            + "see their sets' actions in full; sponsors and administrators see those committed in meetings of at least 3 attendees, "
            + "without owner or description.")
    public List<ActionView> actions(
            @PathVariable("programmeId") UUID programmeId,
            @Parameter(description = "comma-separated: open, overdue, completed, abandoned; all actions if absent",
                    example = "open,overdue")
            @RequestParam(name = "status", required = false) String status, PastView view) {
        ReadAccess.ActionsAccess allowed = access.actionsAccess(programmeId);
        return allowed.apply(actions.actions(programmeId, filters(status), view));
    }

    @GetMapping("/{programmeId}/roi")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "Return on investment", description = "Phillips ROI, first-year benefits only: costs by "
            + "category, the annual benefit of each priced metric, the intangibles, benefit-cost ratio and ROI %.")
    public ProgrammeRoi roi(@PathVariable("programmeId") UUID programmeId, PastView view) {
        access.requireProgrammeAggregates(programmeId);
        return roi.roi(programmeId, view);
    }

    private static Set<ActionFilter> filters(String status) {
        Set<ActionFilter> filters = EnumSet.noneOf(ActionFilter.class);
        if (status == null) {
            return filters;
        }
        List<String> values = Arrays.stream(status.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        for (String value : values) {
            filters.add(ActionFilter.named(value).orElseThrow(() -> new InvalidParameter("status",
                    "'" + value + "' is not a status; use a comma-separated list of " + ActionFilter.accepted())));
        }
        return filters;
    }
}
