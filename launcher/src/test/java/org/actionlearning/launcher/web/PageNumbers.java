package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.actionlearning.testsupport.HttpJson;

/**
 * Checks every number a page shows against the API: each {@code .num} names its API answer (the nearest
 * {@code data-api}), its place in it ({@code data-field}, a JSON pointer) and its display scale; the shown text must
 * equal the API's value to the precision shown.
 */
final class PageNumbers {

    /** One number as the page shows it. */
    record Shown(String api, String field, double scale, String text) {
    }

    private static final String COLLECT = """
            return [...document.querySelectorAll('.num[data-field]')].map(n => ({
              api: n.closest('[data-api]').dataset.api, field: n.dataset.field,
              scale: Number(n.dataset.scale), text: n.textContent.trim() }));
            """;

    private PageNumbers() {
    }

    /** Checks them all and answers how many there were. */
    @SuppressWarnings("unchecked")
    static int checkAgainstApi(Browser browser, HttpJson queries) {
        List<Map<String, Object>> shown = (List<Map<String, Object>>) browser.script(COLLECT);
        Map<String, JsonNode> answers = new HashMap<>();
        for (Map<String, Object> number : shown) {
            Shown one = new Shown((String) number.get("api"), (String) number.get("field"),
                    ((Number) number.get("scale")).doubleValue(), (String) number.get("text"));
            JsonNode answer = answers.computeIfAbsent(one.api(), api -> queries.get(api).body());
            check(one, answer.at(one.field()));
        }
        return shown.size();
    }

    static void check(Shown shown, JsonNode value) {
        String what = shown.api() + " " + shown.field() + " shown as '" + shown.text() + "'";
        if (shown.text().equals("—")) {
            assertThat(value.isNull() || value.isMissingNode()).as(what + " but the API has " + value).isTrue();
            return;
        }
        assertThat(value.isNumber()).as(what + " but the API has " + value).isTrue();
        double api = value.asDouble() * shown.scale();
        if (shown.text().startsWith("<")) {
            assertThat(api).as(what).isLessThan(parse(shown.text()));
            return;
        }
        double displayed = parse(shown.text());
        String digits = shown.text().replaceAll("[^0-9.]", "");
        int decimals = digits.contains(".") ? digits.length() - digits.indexOf('.') - 1 : 0;
        // half a unit of the last digit shown, and a hair for the binary representation
        double tolerance = 0.5 * Math.pow(10, -decimals) + 1e-9;
        assertThat(Math.abs(displayed - api)).as(what + " but the API has " + value).isLessThanOrEqualTo(tolerance);
    }

    /** "−1,234.5%" is -1234.5: the typographic minus, grouping commas and units stripped. */
    static double parse(String text) {
        String number = text.replace('−', '-').replaceAll("[^0-9.+-]", "");
        return Double.parseDouble(number);
    }
}
