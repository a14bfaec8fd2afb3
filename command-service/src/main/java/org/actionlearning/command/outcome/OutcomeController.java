package org.actionlearning.command.outcome;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.actionlearning.command.access.CommandAccess;
import org.actionlearning.command.access.PersonDirectory;
import org.actionlearning.command.access.Scope;
import org.actionlearning.command.access.ScopeDirectory;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.command.outcome.OutcomeCommands.DefineOutcomeMetric;
import org.actionlearning.command.outcome.OutcomeCommands.EstimateAttribution;
import org.actionlearning.command.outcome.OutcomeCommands.ImportSeries;
import org.actionlearning.command.outcome.OutcomeCommands.ImportedPoint;
import org.actionlearning.command.outcome.OutcomeCommands.RebaseMetric;
import org.actionlearning.command.outcome.OutcomeCommands.RecordBaseline;
import org.actionlearning.command.outcome.OutcomeCommands.RecordMeasurement;
import org.actionlearning.command.personaldata.PersonalText;
import org.actionlearning.command.web.CommandSender;
import org.actionlearning.command.web.Created;
import org.actionlearning.events.outcome.Direction;
import org.actionlearning.events.outcome.OutcomeTarget;
import org.actionlearning.events.outcome.Period;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.NotPermitted;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/outcomes")
@Tag(name = "Outcomes", description = "Define outcome metrics, record baseline and follow-ups, estimate attribution")
public class OutcomeController {

    private final CommandSender commands;
    private final CommandAccess access;
    private final ScopeDirectory scopes;
    private final PersonDirectory people;
    private final PersonalText personal;
    private final ProgrammeStarts programmeStarts;

    public OutcomeController(CommandSender commands, CommandAccess access, ScopeDirectory scopes,
                             PersonDirectory people, PersonalText personal, ProgrammeStarts programmeStarts) {
        this.programmeStarts = programmeStarts;
        this.commands = commands;
        this.access = access;
        this.scopes = scopes;
        this.people = people;
        this.personal = personal;
    }

    public record TargetRequest(@NotNull BigDecimal changePercent, @NotNull Integer withinDays) {
    }

    public record DefineRequest(@NotNull UUID programmeId, UUID challengeId, @NotBlank @Size(max = 200) String name,
                                @NotBlank @Size(max = 100) String unit, @NotNull Direction direction,
                                @NotNull Period period, BigDecimal valuePerUnit, @Valid TargetRequest target) {
    }

    public record PointRequest(@NotNull LocalDate measuredOn, @NotNull BigDecimal value) {
    }

    public record ImportRow(@NotNull Series series, @NotNull LocalDate measuredOn, @NotNull BigDecimal value) {
    }

    public record ImportRequest(@NotNull @Size(min = 1, max = SeriesCsv.MAX_ROWS) List<@Valid @NotNull ImportRow> rows) {
    }

    /** How many values an import recorded in each series. */
    public record Imported(UUID metricId, long baseline, long followUps) {
    }

    public record PhaseRequest(@NotNull LocalDate startsOn) {
    }

    public record AttributionRequest(@NotNull Integer attributionPercent, @NotNull Integer confidencePercent,
                                     UUID estimatedBy, LocalDate estimatedOn) {
    }

    @PostMapping
    public ResponseEntity<Map<String, UUID>> define(@Valid @RequestBody DefineRequest request) {
        UUID metricId = UUID.randomUUID();
        OutcomeTarget target = request.target() == null ? null
                : new OutcomeTarget(request.target().changePercent(), request.target().withinDays());
        commands.send(new DefineOutcomeMetric(request.programmeId(), metricId, request.challengeId(), request.name(),
                request.unit(), request.direction(), request.period(), request.valuePerUnit(), target));
        return Created.at("/api/outcomes/" + metricId, "metricId", metricId);
    }

    @PostMapping("/{metricId}/baseline")
    public ResponseEntity<Map<String, UUID>> baseline(@PathVariable UUID metricId,
                                                      @Valid @RequestBody PointRequest request) {
        commands.send(new RecordBaseline(metricId, request.measuredOn(), request.value()));
        return Created.at("/api/outcomes/" + metricId, "metricId", metricId);
    }

    @PostMapping("/{metricId}/measurements")
    public ResponseEntity<Map<String, UUID>> measurement(@PathVariable UUID metricId,
                                                         @Valid @RequestBody PointRequest request) {
        commands.send(new RecordMeasurement(metricId, request.measuredOn(), request.value()));
        return Created.at("/api/outcomes/" + metricId, "metricId", metricId);
    }

    @PostMapping(path = "/{metricId}/measurements/import", consumes = "text/csv")
    @Operation(summary = "Import baseline and follow-up values from CSV",
            description = "A header series,measuredOn,value then one value a line (series: baseline or follow-up). "
                    + "All rows are recorded as one change, or none: every bad row is reported by its line number "
                    + "and column (400 malformed, 409 against the recorded series). At most "
                    + SeriesCsv.MAX_ROWS + " rows. Administrators.")
    public ResponseEntity<Imported> importCsv(@PathVariable UUID metricId,
                                              @RequestBody(required = false) String csv) {
        return imported(metricId, SeriesCsv.parse(csv));
    }

    @PostMapping(path = "/{metricId}/measurements/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import baseline and follow-up values as JSON rows",
            description = "The same as the CSV import; a bad row is named rows[i]. Administrators.")
    public ResponseEntity<Imported> importRows(@PathVariable UUID metricId,
                                               @Valid @RequestBody ImportRequest request) {
        List<ImportedPoint> points = new ArrayList<>();
        for (int i = 0; i < request.rows().size(); i++) {
            ImportRow row = request.rows().get(i);
            points.add(new ImportedPoint("rows[" + i + "]", row.series(), row.measuredOn(), row.value()));
        }
        return imported(metricId, points);
    }

    private ResponseEntity<Imported> imported(UUID metricId, List<ImportedPoint> points) {
        commands.send(new ImportSeries(metricId, points));
        long baseline = points.stream().filter(p -> p.series() == Series.BASELINE).count();
        return ResponseEntity.ok(new Imported(metricId, baseline, points.size() - baseline));
    }

    @PostMapping("/{metricId}/phases")
    @Operation(summary = "Start a new phase of the run chart",
            description = "After a sustained signal: later points are judged against the new phase's own centre line "
                    + "and limits. The outcome figures stay measured against the original baseline. Administrators.")
    public ResponseEntity<Map<String, UUID>> rebase(@PathVariable UUID metricId,
                                                    @Valid @RequestBody PhaseRequest request) {
        commands.send(new RebaseMetric(metricId, request.startsOn()));
        return Created.at("/api/outcomes/" + metricId, "metricId", metricId);
    }

    /** A participant's own estimate: {@code estimatedBy} is the caller. */
    public record OwnAttributionRequest(@NotNull Integer attributionPercent, @NotNull Integer confidencePercent,
                                        LocalDate estimatedOn) {
    }

    @PostMapping("/{metricId}/attributions/mine")
    @Operation(summary = "Your own attribution estimate",
            description = "How much of the metric's change came from the programme, and how sure you are, in your "
                    + "own name: for a member of any set of the metric's programme (administrators record others' "
                    + "with POST /attributions). One estimate per person and metric (409 for a second). estimatedOn, "
                    + "if given, no later than today (UTC) and no earlier than the programme's start (400).")
    public ResponseEntity<Map<String, UUID>> ownAttribution(@PathVariable UUID metricId,
                                                            @Valid @RequestBody OwnAttributionRequest request) {
        UUID personId = Callers.current().person().orElseThrow(() -> new NotPermitted(
                "an own estimate is given by a participant of the programme, for themself"));
        return attribution(metricId, new AttributionRequest(request.attributionPercent(),
                request.confidencePercent(), personId, request.estimatedOn()), true);
    }

    @PostMapping("/{metricId}/attributions")
    @Operation(summary = "Record an attribution estimate",
            description = "Administrators of the programme's organisation, for anyone (estimatedBy); a member of "
                    + "one of its sets only for themself.")
    public ResponseEntity<Map<String, UUID>> attribution(@PathVariable UUID metricId,
                                                         @Valid @RequestBody AttributionRequest request) {
        return attribution(metricId, request, false);
    }

    private ResponseEntity<Map<String, UUID>> attribution(UUID metricId, AttributionRequest request, boolean own) {
        UUID estimateId = UUID.randomUUID();
        EstimateAttribution command = new EstimateAttribution(metricId, estimateId, request.attributionPercent(),
                request.confidencePercent(), request.estimatedBy(), request.estimatedOn());
        // who may estimate first: only then is anything told about the estimator
        access.check(command, Callers.current());
        requireEstimator(metricId, request.estimatedBy());
        if (own && request.estimatedOn() != null) {
            requireOwnEstimateDate(metricId, request.estimatedOn());
        }
        personal.requireNotErased("estimatedBy", request.estimatedBy());
        commands.send(command);
        return Created.at("/api/outcomes/" + metricId, "estimateId", estimateId);
    }

    /**
     * A member's own estimate is dated within the programme's life so far: one dated in the future would use up
     * their one estimate for a day to come, one dated long ago would change every past view of the return.
     */
    private void requireOwnEstimateDate(UUID metricId, LocalDate estimatedOn) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (estimatedOn.isAfter(today)) {
            throw new InvalidCommandValue("estimatedOn", "must not be after today (" + today + "), was " + estimatedOn);
        }
        Optional<LocalDate> start = scopes.scopeOf(metricId).map(Scope::programmeId).flatMap(programmeStarts::startOf);
        if (start.isPresent() && estimatedOn.isBefore(start.get())) {
            throw new InvalidCommandValue("estimatedOn", "must not be before the programme's start ("
                    + start.get() + "), was " + estimatedOn);
        }
    }

    /**
     * Who estimated is a person of the metric's organisation (a participant of its sets), or nobody named: any other
     * id, another organisation's person included, would put a stranger to the estimate. Unknown and foreign alike.
     */
    private void requireEstimator(UUID metricId, UUID estimatedBy) {
        Optional<String> organisation = scopes.scopeOf(metricId).map(Scope::organisation);
        if (estimatedBy != null && organisation.isPresent()
                && !people.organisationOf(estimatedBy).equals(organisation)) {
            throw new InvalidCommandValue("estimatedBy", "is not a participant of this programme's organisation");
        }
    }
}
