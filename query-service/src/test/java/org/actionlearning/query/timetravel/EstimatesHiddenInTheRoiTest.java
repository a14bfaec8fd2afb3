package org.actionlearning.query.timetravel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.actionlearning.events.outcome.AttributionEstimated;
import org.actionlearning.events.outcome.BaselineRecorded;
import org.actionlearning.events.outcome.Direction;
import org.actionlearning.events.outcome.MeasurementRecorded;
import org.actionlearning.events.outcome.OutcomeMetricDefined;
import org.actionlearning.events.outcome.Period;
import org.actionlearning.events.programme.ProgrammeLaunched;
import org.actionlearning.projection.ProjectionBatch;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sponsor must not read one member's attribution estimate from the ROI's isolation factor, neither from one view
 * nor by comparing views as of two dates or as recorded by two instants.
 *
 * <pre>
 * Metric (DECREASE, WEEK, 10/unit): baseline 100 (01-12), follow-up 90 (03-01): 10 × 52 × 10 = 5200 before isolation.
 * Four members estimate, each recorded on its day at 10:00:
 *   03-10  70 % × 50 % = 0.35     03-20  40 % × 90 % = 0.36     03-30  20 % × 30 % = 0.06     04-05  90 % × 90 % = 0.81
 * Estimates count in whole groups of three, in their order:
 *   1 or 2 estimates: not isolated, factor 1.0, benefit 5200, 1 or 2 withheld
 *   3 or 4 estimates: factor (0.35 + 0.36 + 0.06) / 3 = 0.77 / 3, benefit 5200 × 0.77 / 3, 0 or 1 withheld
 * (the old rule showed 0.35, then 0.355, 0.2567, 0.395: each estimate by differencing).
 * </pre>
 */
class EstimatesHiddenInTheRoiTest extends QueryServiceTest {

    private static final double FIRST_THREE = (0.35 + 0.36 + 0.06) / 3;

    @Autowired
    ProjectionBatch batch;

    private UUID programme;
    private HttpJson sponsor;

    @BeforeEach
    void fourMembersEstimate() {
        programme = UUID.randomUUID();
        UUID metric = UUID.randomUUID();
        DatedEvents log = new DatedEvents();
        log.add("2026-01-05T09:00:00Z", "Programme", programme,
                new ProgrammeLaunched(programme, "Org", "Estimated", "Sponsor", day("01-05"), "GBP"));
        log.add("2026-01-20T09:00:00Z", "OutcomeMetric", metric, new OutcomeMetricDefined(metric, programme, null,
                "Delays", "hours", Direction.DECREASE, Period.WEEK, BigDecimal.TEN, null));
        log.add("2026-01-20T09:01:00Z", "OutcomeMetric", metric,
                new BaselineRecorded(metric, programme, day("01-12"), new BigDecimal("100")));
        log.add("2026-03-01T09:00:00Z", "OutcomeMetric", metric,
                new MeasurementRecorded(metric, programme, day("03-01"), new BigDecimal("90")));
        int[][] estimates = {{70, 50}, {40, 90}, {20, 30}, {90, 90}};
        String[] days = {"03-10", "03-20", "03-30", "04-05"};
        for (int i = 0; i < estimates.length; i++) {
            log.add("2026-" + days[i] + "T10:00:00Z", "OutcomeMetric", metric, new AttributionEstimated(metric,
                    programme, UUID.randomUUID(), estimates[i][0], estimates[i][1], UUID.randomUUID(), day(days[i])));
        }
        log.project(batch);
        sponsor = http.withToken(TestTokens.token("sponsor", null, "SPONSOR:" + programme));
    }

    @Test
    void noDateShowsOneEstimate() {
        List<JsonNode> views = new ArrayList<>();
        for (String asOf : List.of("2026-03-12", "2026-03-22", "2026-04-01", "2026-04-05")) {
            views.add(benefit("asOf=" + asOf));
        }
        assertViews(views);
    }

    @Test
    void noInstantShowsOneEstimate() {
        List<JsonNode> views = new ArrayList<>();
        for (String day : List.of("03-12", "03-22", "04-01", "04-05")) {
            views.add(benefit("asOf=2026-04-05&recordedBy=2026-" + day + "T12:00:00Z"));
        }
        assertViews(views);
    }

    @Test
    void theCsvThePagesAndThePdfSayTheEstimatesAreWithheld() throws Exception {
        String csv = text("/programmes/" + programme + "/roi/benefits.csv?asOf=2026-03-22");
        assertThat(csv.lines().findFirst().orElseThrow()).contains("isolationFactor,isolated,estimatesCounted,"
                + "estimatesWithheld,annualBenefit");
        assertThat(csv).contains(",Delays,10,52,10,1,false,0,2,5200,GBP");

        String page = text("/programmes/" + programme + "/roi?asOf=2026-03-22");
        assertThat(page).contains("Delays: 2 attribution estimates so far, counted from 3: its benefit is not "
                + "isolated yet.");
        String later = text("/programmes/" + programme + "/roi?asOf=2026-04-05");
        assertThat(later).contains("Delays: 3 of 4 attribution estimates counted");
        assertThat(text("/programmes/" + programme + "?asOf=2026-03-22")).contains("Delays: 2 attribution "
                + "estimates so far, counted from 3: its benefit is not isolated yet.");

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/programmes/" + programme + "/roi.pdf?asOf=2026-03-22"))
                .header("Authorization", "Bearer " + TestTokens.token("sponsor", null, "SPONSOR:" + programme))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("2 attribution estimates so far, counted from 3");
        }
    }

    @Test
    void theExplanationListsTheEstimatesTheFactorCounts() {
        assertThat(estimatesExplained("asOf=2026-03-22")).isEmpty();
        assertThat(estimatesExplained("asOf=2026-04-05")).containsExactly(0.35, 0.36, 0.06);
    }

    private List<Double> estimatesExplained(String query) {
        JsonNode explanation = getOk("/api/programmes/" + programme + "/explain?figure=benefits&" + query);
        List<Double> values = new ArrayList<>();
        explanation.get("records").forEach(r -> {
            if (r.get("type").asText().equals("AttributionEstimated")) {
                values.add(Math.round(r.get("value").asDouble() * 100) / 100.0);
            }
        });
        return values;
    }

    /** The views of 1, 2, 3 and 4 estimates, by the rule's values computed by hand. */
    private static void assertViews(List<JsonNode> views) {
        assertView(views.get(0), 1.0, false, 0, 1, 5200);
        assertView(views.get(1), 1.0, false, 0, 2, 5200);
        assertView(views.get(2), FIRST_THREE, true, 3, 0, 5200 * FIRST_THREE);
        assertView(views.get(3), FIRST_THREE, true, 3, 1, 5200 * FIRST_THREE);
    }

    private static void assertView(JsonNode benefit, double factor, boolean isolated, int counted, int withheld,
                                   double annualBenefit) {
        assertThat(benefit.get("isolationFactor").asDouble()).as("isolationFactor").isCloseTo(factor, within(1e-12));
        assertThat(benefit.get("isolated").asBoolean()).as("isolated").isEqualTo(isolated);
        assertThat(benefit.get("estimatesCounted").asInt()).as("estimatesCounted").isEqualTo(counted);
        assertThat(benefit.get("estimatesWithheld").asInt()).as("estimatesWithheld").isEqualTo(withheld);
        assertThat(benefit.get("annualBenefit").asDouble()).as("annualBenefit").isCloseTo(annualBenefit,
                within(1e-9));
    }

    private JsonNode benefit(String query) {
        JsonNode roi = getOk(sponsor, "/api/programmes/" + programme + "/roi?" + query);
        assertThat(roi.get("metrics")).hasSize(1);
        return roi.get("metrics").get(0);
    }

    private String text(String path) {
        HttpJson.Response response = sponsor.get(path);
        assertThat(response.status()).as("GET %s", path).isEqualTo(200);
        return response.raw();
    }

    private static LocalDate day(String monthAndDay) {
        return LocalDate.parse("2026-" + monthAndDay);
    }
}
