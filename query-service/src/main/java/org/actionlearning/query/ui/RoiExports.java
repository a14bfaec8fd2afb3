package org.actionlearning.query.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.actionlearning.query.read.PastView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The ROI report's downloads: the page as PDF, each of its tables as CSV. Fetched by scripts as much as by browsers,
 * so they take a bearer token as well as the page's session, and their errors are problem+json like the API's
 * ({@link ExportProblemAdvice}).
 */
@Controller
class RoiExports {

    private final RoiPages pages;
    private final RoiPdf pdf;

    RoiExports(RoiPages pages, RoiPdf pdf) {
        this.pages = pages;
        this.pdf = pdf;
    }

    @GetMapping("/programmes/{programmeId}/roi.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID programmeId, PastView view, HttpServletRequest request, HttpServletResponse response) {
        RoiPages.Report report = pages.report(programmeId, view);
        return download(pdf.render(report.model(), request, response), MediaType.APPLICATION_PDF,
                report.fileName("roi") + ".pdf");
    }

    @GetMapping("/programmes/{programmeId}/roi/{table:summary|costs|benefits|intangibles}.csv")
    ResponseEntity<byte[]> csv(@PathVariable UUID programmeId, @PathVariable String table, PastView view) {
        RoiPages.Report report = pages.report(programmeId, view);
        RoiTable which = RoiTable.valueOf(table.toUpperCase(Locale.ROOT));
        return download(which.csv(report.roi()).text().getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "csv", StandardCharsets.UTF_8), report.fileName("roi-" + which.slug()) + ".csv");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
