package org.actionlearning.command.learningset;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.learningset.SetCommands.AskQuestion;
import org.actionlearning.command.learningset.SetCommands.CloseMeeting;
import org.actionlearning.command.learningset.SetCommands.CommitAction;
import org.actionlearning.command.learningset.SetCommands.DiscardMeeting;
import org.actionlearning.command.learningset.SetCommands.MakeStatement;
import org.actionlearning.command.learningset.SetCommands.OpenMeeting;
import org.actionlearning.command.learningset.SetCommands.PresentChallenge;
import org.actionlearning.command.learningset.SetCommands.RecordPulse;
import org.actionlearning.command.learningset.SetCommands.RecordReflection;
import org.actionlearning.command.learningset.SetCommands.RetractContribution;
import org.actionlearning.command.personaldata.PersonalText;
import org.actionlearning.command.web.CommandSender;
import org.actionlearning.command.web.Created;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.NotPermitted;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sets/{setId}/meetings/{meetingId}")
@Tag(name = "Meetings", description = "Record a meeting: attendees, challenges, questions, statements, actions")
public class MeetingController {

    private static final int MAX_TEXT = 10_000;

    private final CommandSender commands;
    private final PersonalText personal;
    private final PulseAnswers pulses;

    public MeetingController(CommandSender commands, PersonalText personal, PulseAnswers pulses) {
        this.commands = commands;
        this.personal = personal;
        this.pulses = pulses;
    }

    public record OpenRequest(@NotEmpty @Size(max = 8) List<@NotNull UUID> attendees, LocalDate openedOn) {
    }

    public record ChallengeRequest(@NotNull UUID presenterId, @NotBlank @Size(max = 500) String title,
                                   @Size(max = MAX_TEXT) String summary) {
    }

    public record QuestionRequest(@NotNull UUID challengeId, @NotNull UUID askerId, @NotNull QuestionForm form,
                                  @Size(max = MAX_TEXT) String text, Integer seconds) {
    }

    public record StatementRequest(@NotNull UUID speakerId, @NotNull StatementKind kind, UUID challengeId,
                                   @Size(max = MAX_TEXT) String text, Integer seconds) {
    }

    public record ActionRequest(@NotNull UUID challengeId, @NotNull UUID ownerId,
                                @NotBlank @Size(max = 2000) String description, @NotNull LocalDate dueOn) {
    }

    public record ReflectionRequest(@NotNull UUID personId, @NotBlank @Size(max = MAX_TEXT) String text) {
    }

    public record CloseRequest(LocalDate closedOn) {
    }

    /** Edmondson's seven items (1..7, published order) and the optional reaction items (1..5). */
    public record PulseRequest(@NotNull @Size(min = 7, max = 7) List<@NotNull @Min(1) @Max(7) Integer> items,
                               @Min(1) @Max(5) Integer usefulness, @Min(1) @Max(5) Integer confidence,
                               @Min(1) @Max(5) Integer commitment) {
    }

    public record DiscardRequest(LocalDate discardedOn) {
    }

    private static String base(UUID setId, UUID meetingId) {
        return "/api/sets/" + setId + "/meetings/" + meetingId;
    }

    @PostMapping("/open")
    public ResponseEntity<Void> open(@PathVariable UUID setId, @PathVariable UUID meetingId,
                                     @Valid @RequestBody OpenRequest request) {
        for (int i = 0; i < request.attendees().size(); i++) {
            personal.requireNotErased("attendees[" + i + "]", request.attendees().get(i));
        }
        commands.send(new OpenMeeting(setId, meetingId, request.attendees(), request.openedOn()));
        return ResponseEntity.ok().build();
    }

    @PostMapping("/challenges")
    public ResponseEntity<Map<String, UUID>> present(@PathVariable UUID setId, @PathVariable UUID meetingId,
                                                     @Valid @RequestBody ChallengeRequest request) {
        UUID challengeId = UUID.randomUUID();
        UUID presenter = request.presenterId();
        commands.send(new PresentChallenge(setId, meetingId, challengeId, presenter,
                personal.seal("presenterId", presenter, request.title()),
                personal.seal("presenterId", presenter, request.summary())));
        return Created.at(base(setId, meetingId) + "/challenges/" + challengeId, "challengeId", challengeId);
    }

    @PostMapping("/questions")
    public ResponseEntity<Map<String, UUID>> ask(@PathVariable UUID setId, @PathVariable UUID meetingId,
                                                 @Valid @RequestBody QuestionRequest request) {
        UUID contributionId = UUID.randomUUID();
        commands.send(new AskQuestion(setId, meetingId, contributionId, request.challengeId(), request.askerId(),
                request.form(), personal.seal("askerId", request.askerId(), request.text()), request.seconds()));
        return Created.at(base(setId, meetingId) + "/questions/" + contributionId, "contributionId", contributionId);
    }

    @PostMapping("/statements")
    public ResponseEntity<Map<String, UUID>> state(@PathVariable UUID setId, @PathVariable UUID meetingId,
                                                   @Valid @RequestBody StatementRequest request) {
        UUID contributionId = UUID.randomUUID();
        commands.send(new MakeStatement(setId, meetingId, contributionId, request.speakerId(), request.kind(),
                request.challengeId(), personal.seal("speakerId", request.speakerId(), request.text()),
                request.seconds()));
        return Created.at(base(setId, meetingId) + "/statements/" + contributionId, "contributionId",
                contributionId);
    }

    @PostMapping("/actions")
    public ResponseEntity<Map<String, UUID>> commit(@PathVariable UUID setId, @PathVariable UUID meetingId,
                                                    @Valid @RequestBody ActionRequest request) {
        UUID actionId = UUID.randomUUID();
        commands.send(new CommitAction(setId, meetingId, actionId, request.challengeId(), request.ownerId(),
                personal.seal("ownerId", request.ownerId(), request.description()), request.dueOn()));
        return Created.at("/api/actions/" + actionId, "actionId", actionId);
    }

    @PostMapping("/reflections")
    public ResponseEntity<Map<String, UUID>> reflect(@PathVariable UUID setId, @PathVariable UUID meetingId,
                                                     @Valid @RequestBody ReflectionRequest request) {
        UUID reflectionId = UUID.randomUUID();
        commands.send(new RecordReflection(setId, meetingId, reflectionId, request.personId(),
                personal.seal("personId", request.personId(), request.text())));
        return Created.at(base(setId, meetingId) + "/reflections/" + reflectionId, "reflectionId", reflectionId);
    }

    /**
     * The caller's own after-meeting pulse (attendees only; a second one replaces the first). The answers are
     * sealed for the caller; the figures go to the aggregates under a random id that names nobody.
     */
    @PostMapping("/pulse")
    public ResponseEntity<Map<String, UUID>> pulse(@PathVariable UUID setId, @PathVariable UUID meetingId,
                                                   @Valid @RequestBody PulseRequest request) {
        UUID personId = Callers.current().person().orElseThrow(() -> new NotPermitted(
                "the pulse is answered by an attendee of the meeting, for themself"));
        PulseAnswers.Answers answers = new PulseAnswers.Answers(UUID.randomUUID(), List.copyOf(request.items()),
                request.usefulness(), request.confidence(), request.commitment());
        commands.send(new RecordPulse(setId, meetingId, personId, answers, pulses.seal(personId, answers)));
        return Created.at(base(setId, meetingId) + "/pulse", "meetingId", meetingId);
    }

    @PostMapping("/close")
    public ResponseEntity<Void> close(@PathVariable UUID setId, @PathVariable UUID meetingId,
                                      @Valid @RequestBody(required = false) CloseRequest request) {
        commands.send(new CloseMeeting(setId, meetingId, request == null ? null : request.closedOn()));
        return ResponseEntity.ok().build();
    }

    /** Throws away an open meeting (opened by mistake or twice): it counts in no figure afterwards. */
    @PostMapping("/discard")
    public ResponseEntity<Void> discard(@PathVariable UUID setId, @PathVariable UUID meetingId,
                                        @Valid @RequestBody(required = false) DiscardRequest request) {
        commands.send(new DiscardMeeting(setId, meetingId, request == null ? null : request.discardedOn()));
        return ResponseEntity.ok().build();
    }

    /** Takes back a question or statement of the open meeting: a retraction event, the original stays logged. */
    @PostMapping("/contributions/{contributionId}/retract")
    public ResponseEntity<Void> retract(@PathVariable UUID setId, @PathVariable UUID meetingId,
                                        @PathVariable UUID contributionId) {
        commands.send(new RetractContribution(setId, meetingId, contributionId));
        return ResponseEntity.ok().build();
    }
}
