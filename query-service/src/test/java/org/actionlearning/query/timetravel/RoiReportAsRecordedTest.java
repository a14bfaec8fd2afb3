package org.actionlearning.query.timetravel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.programme.CostCategory;
import org.actionlearning.projection.ProjectionBatch;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A ROI report issued with its instant is the same report later, whatever arrives since: a late cost dated before
 * the report's date, a corrected measurement, a new estimate. Its PDF's text and its CSV tables are compared
 * figure for figure before and after; the report without the instant does change.
 *
 * <pre>
 * Metric (DECREASE, WEEK, 10/unit): baseline 100 (01-12); follow-up 90 (03-01), no estimate.  Cost 1000 (02-01).
 * As of 03-20, recorded by 03-20: improvement 10 × 52 × 10 = 5200; bcr 5.2; roi 420 %.
 * Later: a cost of 300 incurred 03-10, the 03-01 point corrected to 80, an estimate 50 % × 100 % on 03-15.
 * </pre>
 */
class RoiReportAsRecordedTest extends QueryServiceTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String REPORT = "asOf=2026-03-20&recordedBy=2026-03-20T00:00:00Z";

    @Autowired
    ProjectionBatch batch;

    @Test
    void theReportOfAnInstantIsTheSameAfterMoreEventsArrive() throws Exception {
        UUID programme = UUID.randomUUID();
        UUID metric = UUID.randomUUID();
        DatedProgramme log = new DatedProgramme(programme)
                .launched("Reproducible")
                .metric("2026-01-20T09:00:00Z", metric, null, BigDecimal.TEN)
                .baseline("2026-01-20T09:01:00Z", metric, "01-12", "100")
                .cost("2026-02-02T09:00:00Z", CostCategory.FACILITATION, "1000", "02-01")
                .measured("2026-03-01T09:00:00Z", metric, "03-01", "90");
        log.project(batch);
        List<String> issued = report(programme, REPORT);
        List<String> unpinned = report(programme, "asOf=2026-03-20");
        assertThat(issued.get(1)).contains("5200");
        assertThat(issued.get(0)).contains("As of", "as recorded by", "2026-03-20", "2026-03-20T00:00:00Z", "5,200.00");

        log.cost("2026-03-25T09:00:00Z", CostCategory.VENUE, "300", "03-10")
                .measured("2026-03-26T09:00:00Z", metric, "03-01", "80")
                .estimated("2026-03-27T09:00:00Z", metric, 50, 100, "03-15")
                .project(batch);

        assertThat(report(programme, REPORT)).isEqualTo(issued);
        // the same date as known now: 20 × 52 × 10 = 10400 against 1300 (one estimate alone is not counted)
        List<String> now = report(programme, "asOf=2026-03-20&recordedBy=2026-04-01T00:00:00Z");
        assertThat(now.get(1)).contains("1300").contains("10400");
        assertThat(unpinned).isNotEqualTo(now);
    }

    /** The PDF's text, then the summary, costs and benefits tables as CSV. */
    private List<String> report(UUID programme, String query) throws IOException, InterruptedException {
        List<String> parts = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(get("/programmes/" + programme + "/roi.pdf?" + query))) {
            parts.add(new PDFTextStripper().getText(pdf));
        }
        for (String table : List.of("summary", "costs", "benefits")) {
            parts.add(new String(get("/programmes/" + programme + "/roi/" + table + ".csv?" + query),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return parts;
    }

    private byte[] get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token("operator", null, "ADMIN:*")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }
}
