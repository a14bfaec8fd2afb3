package org.actionlearning.query.ui;

import org.actionlearning.query.access.ReadAccess;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.query.read.ProgrammeRoi;
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

    RoiPages(RoiQueries roi, ProgrammeLookup lookup, ReadAccess access) {
        this.access = access;
        this.roi = roi;
        this.lookup = lookup;
    }

    /** What the report shows, and the name its downloads get. */
    record Report(ProgrammeSummary programme, ProgrammeRoi roi) {

        Map<String, Object> model() {
            return Map.of("programme", programme, "roi", roi, "tables", RoiTable.values());
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
        return new Report(lookup.summary(programmeId), roi.roi(programmeId));
    }
}
