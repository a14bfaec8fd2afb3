package org.actionlearning.query.ui;

import org.actionlearning.query.access.ReadAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.query.read.ProgrammeRoi;
import org.actionlearning.query.read.ProgrammeSummary;
import org.actionlearning.query.read.RoiQueries;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A programme's ROI report: the page (printable), the same page as PDF, and each of its tables as CSV. */
@Controller
class RoiPages {

    private final RoiQueries roi;
    private final ProgrammeLookup lookup;
    private final RoiPdf pdf;
    private final ReadAccess access;

    RoiPages(RoiQueries roi, ProgrammeLookup lookup, RoiPdf pdf, ReadAccess access) {
        this.access = access;
        this.roi = roi;
        this.lookup = lookup;
        this.pdf = pdf;
    }

    /** What the report shows, and the name its downloads get. */
    private record Report(ProgrammeSummary programme, ProgrammeRoi roi) {

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

    @GetMapping("/programmes/{programmeId}/roi.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID programmeId, HttpServletRequest request,
                               HttpServletResponse response) {
        Report report = report(programmeId);
        return download(pdf.render(report.model(), request, response), MediaType.APPLICATION_PDF,
                report.fileName("roi") + ".pdf");
    }

    @GetMapping("/programmes/{programmeId}/roi/{table:summary|costs|benefits|intangibles}.csv")
    ResponseEntity<byte[]> csv(@PathVariable UUID programmeId, @PathVariable String table) {
        Report report = report(programmeId);
        RoiTable which = RoiTable.valueOf(table.toUpperCase(Locale.ROOT));
        return download(which.csv(report.roi()).text().getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "csv", StandardCharsets.UTF_8), report.fileName("roi-" + which.slug()) + ".csv");
    }

    private Report report(UUID programmeId) {
        access.requireProgrammeAggregates(programmeId);
        return new Report(lookup.summary(programmeId), roi.roi(programmeId));
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
