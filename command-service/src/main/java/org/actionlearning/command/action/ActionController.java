package org.actionlearning.command.action;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.command.action.ActionCommands.AbandonAction;
import org.actionlearning.command.action.ActionCommands.CompleteAction;
import org.actionlearning.command.action.ActionCommands.ReportActionProgress;
import org.actionlearning.command.action.ActionCommands.RescheduleAction;
import org.actionlearning.command.personaldata.PersonalText;
import org.actionlearning.command.web.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/actions/{actionId}")
@Tag(name = "Actions", description = "Follow committed actions through: progress, completion, abandonment")
public class ActionController {

    private final CommandSender commands;
    private final PersonalText personal;

    public ActionController(CommandSender commands, PersonalText personal) {
        this.commands = commands;
        this.personal = personal;
    }

    public record ProgressRequest(@NotNull LocalDate reportedOn, @NotNull Integer percentComplete,
                                  @Size(max = 2000) String note) {
    }

    public record CompleteRequest(@NotNull LocalDate completedOn, @Size(max = 2000) String evidence) {
    }

    public record AbandonRequest(@NotNull LocalDate abandonedOn, @NotBlank @Size(max = 2000) String reason) {
    }

    public record RescheduleRequest(@NotNull LocalDate dueOn, @Size(max = 2000) String reason) {
    }

    @PostMapping("/progress")
    public ResponseEntity<Void> progress(@PathVariable UUID actionId, @Valid @RequestBody ProgressRequest request) {
        commands.send(new ReportActionProgress(actionId, request.reportedOn(), request.percentComplete(),
                personal.sealForOwnerOf(actionId, request.note())));
        return ResponseEntity.ok().build();
    }

    @PostMapping("/complete")
    public ResponseEntity<Void> complete(@PathVariable UUID actionId, @Valid @RequestBody CompleteRequest request) {
        commands.send(new CompleteAction(actionId, request.completedOn(),
                personal.sealForOwnerOf(actionId, request.evidence())));
        return ResponseEntity.ok().build();
    }

    @PostMapping("/abandon")
    public ResponseEntity<Void> abandon(@PathVariable UUID actionId, @Valid @RequestBody AbandonRequest request) {
        commands.send(new AbandonAction(actionId, request.abandonedOn(),
                personal.sealForOwnerOf(actionId, request.reason())));
        return ResponseEntity.ok().build();
    }

    @PostMapping("/reschedule")
    public ResponseEntity<Void> reschedule(@PathVariable UUID actionId,
                                           @Valid @RequestBody RescheduleRequest request) {
        commands.send(new RescheduleAction(actionId, request.dueOn(),
                personal.sealForOwnerOf(actionId, request.reason())));
        return ResponseEntity.ok().build();
    }
}
