package org.actionlearning.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.actionlearning.query.access.ReadAccess;
import org.actionlearning.query.read.fairness.FairnessQueries;
import org.actionlearning.query.read.fairness.SetFairness;
import org.actionlearning.query.read.meeting.MeetingQueries;
import org.actionlearning.query.read.meeting.OpenMeetings;
import org.actionlearning.query.read.safety.OwnPulse;
import org.actionlearning.query.read.safety.SafetyQueries;
import org.actionlearning.query.read.safety.SetSafety;
import org.actionlearning.query.read.set.SetRecord;
import org.actionlearning.query.read.set.SetRecordQueries;
import org.actionlearning.query.read.explanation.FigureExplanation;
import org.actionlearning.query.read.explanation.ExplanationQueries;
import org.springframework.web.bind.annotation.RequestParam;
import org.actionlearning.query.read.PastView;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.NotPermitted;
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
    private final MeetingQueries openMeetings;
    private final ReadAccess access;
    private final SafetyQueries safety;
    private final ExplanationQueries explanations;

    public SetQueryController(FairnessQueries fairness, SetRecordQueries records, MeetingQueries openMeetings,
                              ReadAccess access, SafetyQueries safety, ExplanationQueries explanations) {
        this.explanations = explanations;
        this.fairness = fairness;
        this.records = records;
        this.openMeetings = openMeetings;
        this.access = access;
        this.safety = safety;
    }

    @GetMapping("/{setId}/safety")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "Psychological safety and reaction", description = "Edmondson's seven-item team scale "
            + "(items 1, 3 and 5 reversed) and the optional reaction items, per opened meeting in date order and for "
            + "the set over the meetings that are shown. A figure over fewer than 3 responses is null and named in "
            + "`withheld`. Nobody reads a single response here. For the set's members and facilitator and the "
            + "organisation's administrators.")
    public SetSafety safety(@PathVariable("setId") UUID setId, PastView view) {
        access.requireSetAggregates(setId);
        return safety.ofSet(setId, view);
    }

    @GetMapping("/{setId}/meetings/{meetingId}/pulse/mine")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "Your own pulse answers", description = "The caller's own answers to a meeting's pulse, "
            + "opened for them alone (404 if they gave none). Nobody else's answers can be read, not even by the "
            + "facilitator.")
    public OwnPulse ownPulse(@PathVariable("setId") UUID setId,
                             @PathVariable("meetingId") UUID meetingId) {
        UUID personId = Callers.current().person().orElseThrow(() -> new NotPermitted(
                "only a person who takes part in the set has pulse answers to read"));
        if (!Callers.current().isMemberOf(setId)) {
            throw new NotPermitted("your pulse answers are read by you, as MEMBER of set " + setId);
        }
        return safety.own(setId, meetingId, personId);
    }

    @GetMapping("/{setId}/meetings/open")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "The set's open meetings", description = "Each meeting still open (normally one): its "
            + "attendees, the challenge being presented, each attendee's tally so far and the questions and "
            + "statements not retracted, in the order recorded. The meeting console resumes a meeting from this after "
            + "a reload, on a second device or after a dropped connection. For the set's members and facilitator.")
    public OpenMeetings openMeetings(@PathVariable("setId") UUID setId) {
        access.requireSetContent(setId, "open meetings");
        return openMeetings.of(setId);
    }

    @GetMapping("/{setId}/fairness")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "Participation fairness", description = "Per opened meeting, in date order: gini, "
            + "normalised entropy, dominance, silent attendees, question focus and open-question ratio over the "
            + "meeting's attendees, with each attendee's counts; and the set's presenter rotation over its current "
            + "members.")
    public SetFairness fairness(@PathVariable("setId") UUID setId, PastView view) {
        access.requireSetContent(setId, "fairness");
        return fairness.fairness(setId, view);
    }

    @GetMapping("/{setId}/explain")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "Explain a fairness figure", description = "The records one of the fairness audit's "
            + "figures was computed from, in the same view, for the set's members and facilitator: type, business "
            + "date, when recorded, and who it is about (the name, absent once erased). Figures: meetingsHeld, "
            + "presenterRotation (the challenges presented, with their presenters), questionsAsked, statementsMade.")
    public FigureExplanation explain(@PathVariable("setId") UUID setId,
            @Parameter(description = "The figure's name, e.g. questionsAsked", required = true)
            @RequestParam(name = "figure") String figure, PastView view) {
        access.requireSetContent(setId, "explanation");
        if (!ExplanationQueries.SET_FIGURES.contains(figure)) {
            throw new InvalidParameter("figure", "figure must be one of "
                    + new java.util.TreeSet<>(ExplanationQueries.SET_FIGURES));
        }
        return explanations.explainSet(setId, figure, view);
    }

    @GetMapping("/{setId}/record")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "The set's confidential record", description = "Meeting by meeting: the challenges "
            + "presented (title, summary, presenter), the questions and statements in the order recorded, and the "
            + "reflections, with their texts and authors. Names and texts are null for erased people "
            + "(`erased: true`) and while they cannot be opened (`personalDataUnavailable: true`). For the set's "
            + "members and facilitator only.")
    public SetRecord record(@PathVariable("setId") UUID setId, PastView view) {
        access.requireSetContent(setId, "record");
        return records.record(setId, view);
    }
}
