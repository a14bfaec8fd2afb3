package org.actionlearning.query.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.actionlearning.query.access.ReadAccess;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.change.ChangeQueries;
import org.actionlearning.query.read.explanation.ExplanationQueries;
import org.actionlearning.query.read.outcome.OutcomeQueries;
import org.actionlearning.query.read.programme.ProgrammeDashboard;
import org.actionlearning.query.read.programme.ProgrammeQueries;
import org.actionlearning.query.read.programme.ProgrammeSummary;
import org.actionlearning.query.read.roi.RoiQueries;
import org.actionlearning.query.read.set.SetEntry;
import org.actionlearning.query.read.set.SetQueries;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.actionlearning.query.web.PastViewResolver;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The list of programmes (the home page) and a programme's sponsor dashboard: aggregates only, no names. */
@Controller
class ProgrammePages {

    private final ProgrammeQueries programmes;
    private final OutcomeQueries outcomes;
    private final SetQueries sets;
    private final ProgrammeLookup lookup;
    private final Numbers numbers;
    private final Today today;
    private final ReadAccess access;
    private final RoiQueries roi;
    private final ChangeQueries changes;
    private final Clock clock;
    private final ExplanationQueries explanations;
    private final PasswordNotices passwordNotices;

    /** How far back "since the last report" looks when the page is given no {@code since}. */
    static final Duration SINCE_DEFAULT = Duration.ofDays(7);

    ProgrammePages(ProgrammeQueries programmes, OutcomeQueries outcomes, SetQueries sets, ProgrammeLookup lookup,
                   Numbers numbers, Today today, ReadAccess access, RoiQueries roi, ChangeQueries changes,
                   Clock clock, ExplanationQueries explanations, PasswordNotices passwordNotices) {
        this.explanations = explanations;
        this.passwordNotices = passwordNotices;
        this.changes = changes;
        this.clock = clock;
        this.access = access;
        this.roi = roi;
        this.programmes = programmes;
        this.outcomes = outcomes;
        this.sets = sets;
        this.lookup = lookup;
        this.numbers = numbers;
        this.today = today;
    }

    @GetMapping("/")
    String programmes(Model model) {
        Caller caller = Callers.current();
        Set<UUID> inSet = java.util.stream.Stream.concat(caller.scopesOf(Role.MEMBER).stream(),
                caller.scopesOf(Role.FACILITATOR).stream()).collect(Collectors.toSet());
        // a facilitator's name is for the set's own people (docs/trust/confidentiality.md)
        Map<UUID, List<SetEntry>> setsByProgramme = sets.sets(inSet).stream()
                .collect(Collectors.groupingBy(SetEntry::programmeId));
        List<ProgrammeSummary> visible = access.listed(caller, programmes.programmes());
        model.addAttribute("programmes", visible);
        model.addAttribute("setsByProgramme", setsByProgramme);
        // which links to offer: aggregates to sponsors and administrators, a set's pages to the people in it
        model.addAttribute("aggregatesOf", visible.stream()
                .filter(p -> access.seesAggregates(caller, p.programmeId(), p.organisation()))
                .map(ProgrammeSummary::programmeId).collect(Collectors.toSet()));
        model.addAttribute("administered", visible.stream().filter(p -> caller.isAdminOf(p.organisation()))
                .map(ProgrammeSummary::programmeId).collect(Collectors.toSet()));
        model.addAttribute("inSet", inSet);
        model.addAttribute("facilitating", caller.scopesOf(Role.FACILITATOR));
        // every role lands here after signing in: the one place each is told a password set by others
        model.addAttribute("passwordNotice", passwordNotices.forCurrentUser().orElse(null));
        return "programmes";
    }

    /**
     * The dashboard as of a date and as recorded by an instant (else now), every figure in the same view, and, when
     * asked with {@code since}, what changed since that earlier instant (the form offers a week before).
     */
    @GetMapping("/programmes/{programmeId}")
    String dashboard(@PathVariable UUID programmeId, PastView view,
                     @RequestParam(required = false) String[] since,
                     Model model) {
        access.requireProgrammeAggregates(programmeId);
        LocalDate date = view.asOf();
        Instant knownBy = view.recordedBy();
        Instant sinceInstant = PageInstant.parse("since", PastViewResolver.single("since", since));
        ProgrammeDashboard dashboard = programmes.dashboard(programmeId, view);
        ProgrammeSummary programme = lookup.summary(programmeId);
        model.addAttribute("programme", programme);
        model.addAttribute("administers", Callers.current().isAdminOf(programme.organisation()));
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("setBreakdown", programmes.setBreakdown(programmeId, view));
        model.addAttribute("roiExplanation", RoiExplanation.of(roi.roi(programmeId, view), numbers));
        model.addAttribute("asOf", date);
        model.addAttribute("recordedBy", knownBy);
        model.addAttribute("recordedByInput", PageInstant.inputValue(knownBy));
        Instant to = knownBy != null ? knownBy : clock.instant();
        Instant from = sinceInstant != null ? sinceInstant : to.minus(SINCE_DEFAULT);
        model.addAttribute("since", from);
        model.addAttribute("sinceInput", PageInstant.inputValue(from));
        // costly (two dashboards as recorded and the records in between): only when asked for, with a since
        model.addAttribute("changesAsked", sinceInstant != null);
        model.addAttribute("changes", sinceInstant != null && from.isBefore(to)
                ? changes.between(programmeId, date, from, to, access.administers(programmeId)) : null);
        model.addAttribute("explainable", ExplanationQueries.FIGURES);
        if (dashboard.followThrough() != null) {
            model.addAttribute("funnel", ActionFunnel.of(dashboard.followThrough()));
        }
        model.addAttribute("metrics", dashboard.outcomes().stream()
                .map(metric -> MetricCard.of(outcomes.metric(metric.metricId(), view), numbers))
                .toList());
        return "dashboard";
    }

    /** The records behind one figure of the dashboard, as a page (the tiles link here). */
    @GetMapping("/programmes/{programmeId}/explain")
    String explain(@PathVariable UUID programmeId, @RequestParam String figure, PastView view, Model model) {
        access.requireProgrammeAggregates(programmeId);
        if (!ExplanationQueries.FIGURES.contains(figure)) {
            throw new org.springframework.web.method.annotation.MethodArgumentTypeMismatchException(figure,
                    String.class, "figure", null, null);
        }
        model.addAttribute("programme", lookup.summary(programmeId));
        model.addAttribute("x", explanations.explain(programmeId, figure, view,
                access.administers(programmeId)));
        model.addAttribute("label", LABELS.get(figure));
        return "explain";
    }

    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("meetingsHeld", "Meetings held"),
            Map.entry("challengesPresented", "Challenges presented"), Map.entry("questionsAsked", "Questions asked"),
            Map.entry("statementsMade", "Statements made"), Map.entry("committed", "Actions committed"),
            Map.entry("completed", "Actions completed"), Map.entry("abandoned", "Actions abandoned"),
            Map.entry("open", "Actions open"), Map.entry("overdue", "Actions overdue"),
            Map.entry("costs", "Costs"), Map.entry("benefits", "Benefits"));
}
