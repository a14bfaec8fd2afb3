package org.actionlearning.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.actionlearning.query.access.ReadAccess;
import org.actionlearning.query.read.facilitation.FacilitationQueries;
import org.actionlearning.query.read.facilitation.OrganisationAggregate;
import org.actionlearning.query.read.facilitation.OwnSets;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/facilitation")
@Tag(name = "Facilitation", description = "Facilitator effectiveness: for facilitators (their own sets) and, in "
        + "aggregate, the organisation's administrators; never for sponsors")
@ApiResponse(responseCode = "403", description = "Neither a facilitator nor an administrator of the organisation",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class FacilitationController {

    private final FacilitationQueries facilitation;
    private final ReadAccess access;

    public FacilitationController(FacilitationQueries facilitation, ReadAccess access) {
        this.facilitation = facilitation;
        this.access = access;
    }

    @GetMapping("/mine")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "Your own sets as facilitator", description = "Per set: presenter rotation, "
            + "follow-through and psychological safety, and per meeting in date order the gini, question focus and "
            + "safety score (withheld below 3 responses): the set's trend, for the facilitator's own development.")
    public OwnSets mine() {
        return facilitation.ofSets(access.facilitatedSets());
    }

    @GetMapping("/organisations/{organisation}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "An organisation's facilitation in aggregate", description = "Means over the "
            + "organisation's sets of 3 people or more, and by month; no set or facilitator is named. For ADMIN of "
            + "the organisation.")
    public OrganisationAggregate organisation(@PathVariable("organisation") String organisation) {
        access.requireAdminOf(organisation);
        return facilitation.ofOrganisation(organisation);
    }
}
