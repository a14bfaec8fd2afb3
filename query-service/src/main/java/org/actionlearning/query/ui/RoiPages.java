package org.actionlearning.query.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.query.access.ReadAccess;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.outcome.OutcomeQueries;
import org.actionlearning.query.read.outcome.OutcomeRegisterQueries;
import org.actionlearning.query.read.programme.ProgrammeSummary;
import org.actionlearning.query.read.roi.ProgrammeRoi;
import org.actionlearning.query.read.roi.RoiQueries;
import org.actionlearning.service.security.Callers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A programme's ROI report, the page (printable); {@link RoiExports} serves it as PDF and its tables as CSV. */
@Controller
class RoiPages {

    private final RoiQueries roi;
    private final ProgrammeLookup lookup;
    private final ReadAccess access;
    private final OutcomeRegisterQueries register;
    private final OutcomeQueries outcomes;
    private final Numbers numbers;
    private final Today today;

    private final Clock clock;

    RoiPages(RoiQueries roi, ProgrammeLookup lookup, ReadAccess access, OutcomeRegisterQueries register,
             OutcomeQueries outcomes, Numbers numbers, Today today, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.register = register;
        this.outcomes = outcomes;
        this.numbers = numbers;
        this.today = today;
        this.roi = roi;
        this.lookup = lookup;
    }

    /**
     * What the report shows, and the name its downloads get. A printed report travels without its page: it says
     * when it was made, over which period and by whom, and carries each outcome's headline. It is as of a date and
     * as recorded by an instant, both printed and carried by its links, so that a link opens the same report later,
     * whatever was recorded since.
     */
    record Report(ProgrammeSummary programme, ProgrammeRoi roi, RoiExplanation explanation, List<MetricCard> outcomes,
                  LocalDate preparedOn, String preparedBy, LocalDate asOf, Instant recordedBy) {

        Map<String, Object> model() {
            return Map.of("programme", programme, "roi", roi, "tables", RoiTable.values(), "explanation", explanation,
                    "outcomes", outcomes, "preparedOn", preparedOn, "preparedBy", preparedBy, "asOf", asOf,
                    "recordedBy", recordedBy);
        }

        /** E.g. "discharge-flow-roi-costs": the programme's name made safe for a file name. */
        String fileName(String what) {
            String name = programme.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("(^-|-$)", "");
            return (name.isEmpty() ? "programme" : name) + "-" + what;
        }
    }

    @GetMapping("/programmes/{programmeId}/roi")
    String report(@PathVariable UUID programmeId, PastView view, Model model) {
        model.addAllAttributes(report(programmeId, view).model());
        model.addAttribute("pdf", false);
        return "roi";
    }

    /**
     * The report, for its sponsors and administrators: in the request's view, as recorded by its instant or else
     * by now, to the second, which the report then prints and its links carry.
     */
    Report report(UUID programmeId, PastView requested) {
        access.requireProgrammeAggregates(programmeId);
        LocalDate date = requested.asOf();
        Instant instant = requested.recordedBy() != null ? requested.recordedBy()
                : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        PastView view = new PastView(date, instant);
        ProgrammeRoi figures = roi.roi(programmeId, view);
        // the headlines as of the same date and instant as the figures, so that the report's link reproduces them
        List<MetricCard> cards = register.ofProgramme(programmeId).stream()
                .map(metric -> MetricCard.of(outcomes.metric(metric.metricId(), view), numbers)).toList();
        return new Report(lookup.summary(programmeId), figures, RoiExplanation.of(figures, numbers), cards,
                today.date(), Callers.current().username(), date, instant);
    }
}
