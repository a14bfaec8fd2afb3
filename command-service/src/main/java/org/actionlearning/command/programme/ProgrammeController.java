package org.actionlearning.command.programme;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.programme.ProgrammeCommands.CloseProgramme;
import org.actionlearning.command.programme.ProgrammeCommands.LaunchProgramme;
import org.actionlearning.command.programme.ProgrammeCommands.RecordProgrammeCost;
import org.actionlearning.command.web.CommandSender;
import org.actionlearning.command.web.Created;
import org.actionlearning.events.programme.CostCategory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/programmes")
@Tag(name = "Programmes", description = "Launch programmes, record their fully loaded costs, close them")
public class ProgrammeController {

    private final CommandSender commands;

    public ProgrammeController(CommandSender commands) {
        this.commands = commands;
    }

    public record LaunchRequest(@NotBlank @Size(max = 200) String organisation, @NotBlank @Size(max = 200) String name,
                                @NotBlank @Size(max = 200) String sponsor, @NotNull LocalDate startsOn,
                                @NotBlank @Size(min = 3, max = 3) String currency) {
    }

    public record CostRequest(@NotNull CostCategory category, @NotNull BigDecimal amount, @NotNull LocalDate incurredOn,
                              @Size(max = 2000) String note) {
    }

    public record CloseRequest(@NotNull LocalDate closedOn) {
    }

    @PostMapping
    public ResponseEntity<Map<String, UUID>> launch(@Valid @RequestBody LaunchRequest request) {
        UUID programmeId = UUID.randomUUID();
        commands.send(new LaunchProgramme(programmeId, request.organisation(), request.name(), request.sponsor(),
                request.startsOn(), request.currency()));
        return Created.at("/api/programmes/" + programmeId, "programmeId", programmeId);
    }

    @PostMapping("/{programmeId}/costs")
    public ResponseEntity<Map<String, UUID>> recordCost(@PathVariable UUID programmeId,
                                                        @Valid @RequestBody CostRequest request) {
        UUID costId = UUID.randomUUID();
        commands.send(new RecordProgrammeCost(programmeId, costId, request.category(), request.amount(),
                request.incurredOn(), request.note()));
        return Created.at("/api/programmes/" + programmeId + "/costs/" + costId, "costId", costId);
    }

    @PostMapping("/{programmeId}/close")
    public ResponseEntity<Void> close(@PathVariable UUID programmeId, @Valid @RequestBody CloseRequest request) {
        commands.send(new CloseProgramme(programmeId, request.closedOn()));
        return ResponseEntity.ok().build();
    }
}
