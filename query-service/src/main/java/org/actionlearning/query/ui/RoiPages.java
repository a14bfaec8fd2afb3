package org.actionlearning.query.ui;

import org.actionlearning.query.access.ReadAccess;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.query.read.OutcomeQueries;
import org.actionlearning.query.read.OutcomeRegister;
import org.actionlearning.query.read.ProgrammeRoi;
import org.actionlearning.service.security.Callers;
import org.actionlearning.query.read.ProgrammeSummary;
import org.actionlearning.query.read.RoiQueries;
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
    private final OutcomeRegister register;
    private final OutcomeQueries outcomes;
    private final Numbers numbers;
    private final Today today;

    RoiPages(RoiQueries roi, ProgrammeLookup lookup, ReadAccess access, OutcomeRegister register,
             OutcomeQueries outcomes, Numbers numbers, Today today) {
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
     * when it was made, over which period and by whom, and carries each outcome's headline.
     */
    record Report(ProgrammeSummary programme, ProgrammeRoi roi, RoiExplanation explanation, List<MetricCard> outcomes,
                  LocalDate preparedOn, String preparedBy) {

        Map<String, Object> model() {
            return Map.of("programme", programme, "roi", roi, "tables", RoiTable.values(), "explanation", explanation,
                    "outcomes", outcomes, "preparedOn", preparedOn, "preparedBy", preparedBy);
        }

        /** E.g. "discharge-flow-roi-costs": the programme's name made safe for a file name. */
        String fileName(String what) {
            String name = programme.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("(^-|-$)", "");
            return (name.isEmpty() ? "programme" : name) + "-" + what;
        }
    }

    @GetMapping("/programmes/{programmeId}/roi")
    String report(@PathVariable UUID programmeId, Model model) {
        model.addAllAttributes(report(programmeId).model());
        model.addAttribute("pdf", false);
        return "roi";
    }

    /** The report, for its sponsors and administrators. */
    Report report(UUID programmeId) {
        access.requireProgrammeAggregates(programmeId);
        ProgrammeRoi figures = roi.roi(programmeId);
        List<MetricCard> cards = register.ofProgramme(programmeId).stream()
                .map(metric -> MetricCard.of(outcomes.metric(metric.metricId()), numbers)).toList();
        return new Report(lookup.summary(programmeId), figures, RoiExplanation.of(figures, numbers), cards,
                today.date(), Callers.current().username());
    }
}
