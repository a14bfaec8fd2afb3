package org.actionlearning.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.actionlearning.query.access.ReadAccess;
import org.actionlearning.query.read.outcome.MetricDetail;
import org.actionlearning.query.read.outcome.OutcomeQueries;
import org.actionlearning.query.read.PastView;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/outcomes")
@Tag(name = "Outcomes", description = "Outcome metrics: points, change, significance and run-chart signals")
@ApiResponse(responseCode = "400", description = "A malformed metric id",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "No such metric",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class OutcomeQueryController {

    private final OutcomeQueries outcomes;
    private final ReadAccess access;


    public OutcomeQueryController(OutcomeQueries outcomes, ReadAccess access) {
        this.outcomes = outcomes;
        this.access = access;
    }

    @GetMapping("/{metricId}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "Outcome metric", description = "The metric's definition, baseline and follow-up points in "
            + "date order, centre line, baseline mean, latest value, change and improvement %, target reached, "
            + "Welch p-value and run-chart signals (SHIFT, TREND).")
    public MetricDetail metric(@PathVariable("metricId") UUID metricId, PastView view) {
        access.requireMetricAggregates(metricId);
        return outcomes.metric(metricId, view);
    }
}
