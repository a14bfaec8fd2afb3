package org.actionlearning.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.actionlearning.query.access.ReadAccess;
import org.actionlearning.query.read.member.DueAction;
import org.actionlearning.query.read.member.MemberQueries;
import org.actionlearning.query.read.member.MyAction;
import org.actionlearning.query.read.member.MyParticipation;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A member's own actions and participation (theirs alone), and a set's due actions (its facilitator's). */
@RestController
@Tag(name = "Members", description = "A set member's own actions and participation; reminders of due actions")
@ApiResponse(responseCode = "400", description = "A malformed id",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class MemberQueryController {

    private final MemberQueries members;
    private final ReadAccess access;
    private final Clock clock;

    public MemberQueryController(MemberQueries members, ReadAccess access, Clock clock) {
        this.members = members;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/people/{personId}/actions")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "A member's own actions", description = "Every action the person owns, open ones first "
            + "by due date, with its set, last reported percentage and a reminder: OVERDUE (due before today) or "
            + "DUE_SOON (due within " + MemberQueries.REMINDER_DAYS + " days). For that person's own account only.")
    public List<MyAction> actions(@PathVariable("personId") UUID personId) {
        access.requireSelf(personId, "actions");
        return members.actionsOf(personId, today());
    }

    @GetMapping("/api/people/{personId}/participation")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "A member's own participation", description = "Per meeting the person attended, in date "
            + "order, and over all of them: their talk share (their questions and statements over everyone's), the "
            + "even share (1 / attendees), their questions, open questions and open-question ratio, and challenges "
            + "presented. For that person's own account only: not their facilitator, sponsor or administrators.")
    public MyParticipation participation(@PathVariable("personId") UUID personId) {
        access.requireSelf(personId, "participation figures");
        return members.participationOf(personId);
    }

    @GetMapping("/api/sets/{setId}/due-actions")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such set",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @Operation(summary = "Reminders of a set's due actions", description = "The set's open actions that are "
            + "overdue or due within " + MemberQueries.REMINDER_DAYS + " days, by due date, with their owners. For "
            + "the set's facilitator.")
    public List<DueAction> dueActions(@PathVariable("setId") UUID setId) {
        access.requireFacilitatorContent(setId, "due actions");
        return members.dueInSet(setId, today());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
