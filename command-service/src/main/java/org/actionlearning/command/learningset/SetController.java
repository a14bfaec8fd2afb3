package org.actionlearning.command.learningset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.learningset.SetCommands.AddMember;
import org.actionlearning.command.learningset.SetCommands.ChangeFacilitator;
import org.actionlearning.command.learningset.SetCommands.FormSet;
import org.actionlearning.command.learningset.SetCommands.RemoveMember;
import org.actionlearning.command.learningset.SetCommands.ScheduleMeeting;
import org.actionlearning.command.personaldata.PersonalText;
import org.actionlearning.command.web.CommandSender;
import org.actionlearning.command.web.Created;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sets")
@Tag(name = "Learning sets", description = "Form sets, manage members, schedule meetings")
public class SetController {

    private final CommandSender commands;
    private final PersonalText personal;
    private final TransactionTemplate transactions;

    public SetController(CommandSender commands, PersonalText personal, TransactionTemplate transactions) {
        this.commands = commands;
        this.personal = personal;
        this.transactions = transactions;
    }

    public record FormSetRequest(@NotNull UUID programmeId, @NotBlank @Size(max = 200) String name,
                                 @NotBlank @Size(max = 200) String facilitatorName, UUID facilitatorId) {
    }

    public record AddMemberRequest(@NotBlank @Size(max = 200) String displayName, UUID personId, LocalDate joinedOn) {
    }

    public record ScheduleRequest(@NotNull LocalDate scheduledFor) {
    }

    /**
     * {@code facilitatorId} absent: a new person. {@code currentFacilitatorId}: the facilitator this change replaces,
     * as the administrator last saw it; if another change came first, this one is refused (409).
     */
    public record FacilitatorRequest(@NotBlank @Size(max = 200) String facilitatorName, UUID facilitatorId,
                                     @NotNull UUID currentFacilitatorId) {
    }

    @PostMapping
    public ResponseEntity<Map<String, UUID>> form(@Valid @RequestBody FormSetRequest request) {
        UUID setId = UUID.randomUUID();
        UUID facilitatorId = request.facilitatorId() != null ? request.facilitatorId() : UUID.randomUUID();
        commands.send(new FormSet(request.programmeId(), setId, request.name(), facilitatorId,
                personal.seal("facilitatorId", facilitatorId, request.facilitatorName())));
        Map<String, UUID> ids = new LinkedHashMap<>();
        ids.put("setId", setId);
        ids.put("facilitatorId", facilitatorId);
        return Created.at("/api/sets/" + setId, ids);
    }

    @PostMapping("/{setId}/members")
    public ResponseEntity<Map<String, UUID>> addMember(@PathVariable UUID setId,
                                                       @Valid @RequestBody AddMemberRequest request) {
        UUID personId = request.personId() != null ? request.personId() : UUID.randomUUID();
        commands.send(new AddMember(setId, personId, personal.seal("personId", personId, request.displayName()),
                request.joinedOn()));
        return Created.at("/api/sets/" + setId + "/members/" + personId, "personId", personId);
    }

    @PostMapping("/{setId}/facilitator")
    @Operation(summary = "Change the set's facilitator",
            description = "Another person (a new one, or facilitatorId of a person of the organisation who is not a "
                    + "member of the set) facilitates the set from now on, replacing currentFacilitatorId (409 if "
                    + "another change came first). Administrators of its organisation. In the same step every other "
                    + "account loses FACILITATOR:<setId> (tokens already issued stop counting it) and the account of "
                    + "facilitatorId, if any, gains it; a new person's account is made in /api/users.")
    public ResponseEntity<Map<String, UUID>> changeFacilitator(@PathVariable UUID setId,
                                                               @Valid @RequestBody FacilitatorRequest request) {
        UUID facilitatorId = request.facilitatorId() != null ? request.facilitatorId() : UUID.randomUUID();
        // one transaction for the new person's key and the change: a refused change (a concurrent one won) leaves
        // no person behind
        transactions.executeWithoutResult(tx -> commands.send(new ChangeFacilitator(setId, facilitatorId,
                personal.seal("facilitatorId", facilitatorId, request.facilitatorName()),
                request.currentFacilitatorId())));
        Map<String, UUID> ids = new LinkedHashMap<>();
        ids.put("setId", setId);
        ids.put("facilitatorId", facilitatorId);
        return ResponseEntity.ok(ids);
    }

    @DeleteMapping("/{setId}/members/{personId}")
    public ResponseEntity<Void> removeMember(@PathVariable UUID setId, @PathVariable UUID personId) {
        commands.send(new RemoveMember(setId, personId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{setId}/meetings")
    public ResponseEntity<Map<String, UUID>> schedule(@PathVariable UUID setId,
                                                      @Valid @RequestBody ScheduleRequest request) {
        UUID meetingId = UUID.randomUUID();
        commands.send(new ScheduleMeeting(setId, meetingId, request.scheduledFor()));
        return Created.at("/api/sets/" + setId + "/meetings/" + meetingId, "meetingId", meetingId);
    }
}
