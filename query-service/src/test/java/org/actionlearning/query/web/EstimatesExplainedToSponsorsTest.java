package org.actionlearning.query.web;

import static org.actionlearning.query.jooq.Tables.ATTRIBUTION_ESTIMATE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.query.read.explanation.ExplanationQueries;
import org.actionlearning.query.support.QueryServiceTest;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Participants give their own attribution estimates, so "explain benefits" showing a sponsor each estimate's value
 * and its recording instant to the millisecond told them, with one or two estimates, whose answer was which. The
 * scenario's metric "Discharge delays" keeps two estimates here, dated: 80% × 50% = 0.4 on 2 March (recorded
 * 10:00:00.001) and 60% × 100% = 0.6 on 3 March (recorded 11:00:00.002). The factor counts none of two, and nobody
 * sees them in its explanation. A third, 50% × 100% = 0.5 on 5 March (recorded 09:15:42.123), brings them to 3: the
 * sponsor then sees only their mean (0.5), as the isolation factor uses them; the organisation's administrator,
 * who keeps the estimates, sees them as recorded.
 */
class EstimatesExplainedToSponsorsTest extends QueryServiceTest {

    private ProgrammeScenario s;
    private HttpJson sponsor;
    private HttpJson administrator;

    @BeforeEach
    void programme() {
        s = ProgrammeScenario.insert(db);
        sponsor = http.withToken(TestTokens.token("sponsor", null, "SPONSOR:" + s.programme));
        administrator = http.withToken(TestTokens.token("administrator", null, "ADMIN:" + organisation()));
        dateEstimate(80, "2026-03-02", "2026-03-02T10:00:00.001Z");
        dateEstimate(60, "2026-03-03", "2026-03-03T11:00:00.002Z");
        // the scenario's third estimate (50% × 100%) is added back by the tests that need three
        db.deleteFrom(ATTRIBUTION_ESTIMATE).where(ATTRIBUTION_ESTIMATE.METRIC_ID.eq(s.delays))
                .and(ATTRIBUTION_ESTIMATE.ATTRIBUTION_PERCENT.eq(50)).execute();
    }

    /**
     * Two estimates: the isolation factor counts none of them yet (it counts whole groups of three), so the
     * explanation, which lists what the figure counts, lists none to anyone: no value, no instant.
     */
    @Test
    void belowThreeEstimatesASponsorSeesNoValueAndNoInstant() {
        JsonNode explained = getOk(sponsor, benefits());

        assertThat(estimates(explained)).isEmpty();
        // the scenario writes no point versions: nothing else is listed, and the count is of what is shown
        assertInt(explained, "count", 0);
        assertThat(estimates(getOk(administrator, benefits()))).isEmpty();
    }

    /** An estimate stored before dates were kept has none: listed first (the sort took it for a 500). */
    @Test
    void anEstimateWithoutADateIsListedFirst() {
        estimate(50, null, null);

        List<JsonNode> kept = estimates(getOk(administrator, benefits()));
        assertThat(values(kept)).containsExactly(0.5, 0.4, 0.6);
        assertThat(kept.get(0).has("businessDate")).isFalse();
    }

    @Test
    void fromThreeEstimatesASponsorSeesOnlyTheirMean() {
        estimate(50, "2026-03-05", "2026-03-05T09:15:42.123Z");

        // (0.4 + 0.6 + 0.5) / 3 = 0.5, dated by the latest estimate, with no single value and no instant
        JsonNode explained = getOk(sponsor, benefits());
        assertThat(estimates(explained)).isEmpty();
        List<JsonNode> means = records(explained, ExplanationQueries.ESTIMATES_MEAN);
        assertThat(means).hasSize(1);
        assertThat(means.get(0).get("value").doubleValue()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(means.get(0).path("businessDate").asText()).isEqualTo("2026-03-05");
        assertThat(means.get(0).has("recordedAt")).isFalse();
        assertThat(explained.has("withheld")).isFalse();

        JsonNode kept = getOk(administrator, benefits());
        assertThat(values(estimates(kept))).containsExactly(0.4, 0.6, 0.5);
        assertThat(estimates(kept).get(2).path("recordedAt").asText()).isEqualTo("2026-03-05T09:15:42.123Z");
    }

    /** The page of the same records lists no estimate while fewer than three are counted. */
    @Test
    void thePageListsNoEstimateBelowThree() {
        HttpJson.Response page = sponsor.send("GET", "/programmes/" + s.programme + "/explain?figure=benefits", null,
                Map.of("Accept", "text/html"));

        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        assertThat(page.raw()).doesNotContain("AttributionEstimated");
    }

    private void estimate(int attributionPercent, String on, String recordedAt) {
        db.insertInto(ATTRIBUTION_ESTIMATE)
                .set(ATTRIBUTION_ESTIMATE.ESTIMATE_ID, UUID.randomUUID())
                .set(ATTRIBUTION_ESTIMATE.METRIC_ID, s.delays)
                .set(ATTRIBUTION_ESTIMATE.PROGRAMME_ID, s.programme)
                .set(ATTRIBUTION_ESTIMATE.ATTRIBUTION_PERCENT, attributionPercent)
                .set(ATTRIBUTION_ESTIMATE.CONFIDENCE_PERCENT, 100)
                .set(ATTRIBUTION_ESTIMATE.ESTIMATED_BY, UUID.randomUUID())
                .set(ATTRIBUTION_ESTIMATE.ESTIMATED_ON, on == null ? null : LocalDate.parse(on))
                .set(ATTRIBUTION_ESTIMATE.RECORDED_AT, recordedAt == null ? null : OffsetDateTime.parse(recordedAt))
                .execute();
    }

    private void dateEstimate(int attributionPercent, String on, String recordedAt) {
        db.update(ATTRIBUTION_ESTIMATE)
                .set(ATTRIBUTION_ESTIMATE.ESTIMATED_ON, on == null ? null : LocalDate.parse(on))
                .set(ATTRIBUTION_ESTIMATE.RECORDED_AT, recordedAt == null ? null : OffsetDateTime.parse(recordedAt))
                .where(ATTRIBUTION_ESTIMATE.METRIC_ID.eq(s.delays))
                .and(ATTRIBUTION_ESTIMATE.ATTRIBUTION_PERCENT.eq(attributionPercent)).execute();
    }

    private String benefits() {
        return "/api/programmes/" + s.programme + "/explain?figure=benefits";
    }

    private String organisation() {
        return db.select(org.actionlearning.query.jooq.Tables.PROGRAMME.ORGANISATION)
                .from(org.actionlearning.query.jooq.Tables.PROGRAMME)
                .where(org.actionlearning.query.jooq.Tables.PROGRAMME.PROGRAMME_ID.eq(s.programme))
                .fetchOne(org.actionlearning.query.jooq.Tables.PROGRAMME.ORGANISATION);
    }

    private static List<JsonNode> estimates(JsonNode explained) {
        return records(explained, "AttributionEstimated");
    }

    private static List<JsonNode> records(JsonNode explained, String type) {
        List<JsonNode> records = new ArrayList<>();
        explained.get("records").forEach(r -> {
            if (r.path("type").asText().equals(type)) {
                records.add(r);
            }
        });
        return records;
    }

    private static List<Double> values(List<JsonNode> records) {
        return records.stream().map(r -> r.get("value").doubleValue()).toList();
    }
}
