package org.actionlearning.query.web;

import org.actionlearning.query.access.ReadAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.RequestParam;
import org.actionlearning.query.read.FairnessQueries;
import org.actionlearning.query.read.SetFairness;
import org.actionlearning.query.read.SetRecord;
import org.actionlearning.query.read.SetRecordQueries;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sets")
@Tag(name = "Sets", description = "Participation balance in a learning set (for the set's members and facilitator)")
@ApiResponse(responseCode = "400", description = "A malformed set id",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "No such set",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class SetQueryController {

    private final FairnessQueries fairness;
    private final SetRecordQueries records;
    private final ReadAccess access;

    private final AsOf asOfDate;

    public SetQueryController(FairnessQueries fairness, SetRecordQueries records, ReadAccess access, AsOf asOfDate) {
        this.asOfDate = asOfDate;
        this.fairness = fairness;
        this.records = records;
        this.access = access;
    }

    @GetMapping("/{setId}/fairness")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "Participation fairness", description = "Per opened meeting, in date order: gini, "
            + "normalised entropy, dominance, silent attendees, question focus and open-question ratio over the "
            + "meeting's attendees, with each attendee's counts; and the set's presenter rotation over its current "
            + "members.")
    public SetFairness fairness(@PathVariable("setId") UUID setId,
            @Parameter(description = "ISO date: the meetings opened by then; defaults to today (UTC)")
            @RequestParam(name = "asOf", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate asOf) {
        access.requireSetContent(setId, "fairness");
        return fairness.fairness(setId, asOfDate.orToday(asOf));
    }

    @GetMapping("/{setId}/record")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "The set's confidential record", description = "Meeting by meeting: the challenges "
            + "presented (title, summary, presenter), the questions and statements in the order recorded, and the "
            + "reflections, with their texts and authors. Names and texts are null for erased people "
            + "(`erased: true`) and while they cannot be opened (`personalDataUnavailable: true`). For the set's "
            + "members and facilitator only.")
    public SetRecord record(@PathVariable("setId") UUID setId) {
        access.requireSetContent(setId, "record");
        return records.record(setId);
    }
}
