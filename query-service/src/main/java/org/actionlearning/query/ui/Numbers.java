package org.actionlearning.query.ui;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The one place where the pages turn numbers into text, so the same kind of number looks the same everywhere.
 * Templates call it as {@code @fmt}. The API keeps full precision; these are rounded for reading only.
 */
@Component("fmt")
public class Numbers {

    /** Shown where the API answers null (a value that is undefined, e.g. a rate over nothing). */
    public static final String UNDEFINED = "—";
    private static final char MINUS = '−';
    /**
     * Dates are printed as the date inputs take them, and as the API and the CSV files carry them: ISO year-month-day,
     * one format that reads the same in every locale.
     */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    /** How a kind of number is shown. {@code scale} multiplies the API's value for display (a ratio as percent). */
    public enum Kind {
        COUNT("#,##0", 1, ""),
        RATIO("#,##0.00", 1, ""),
        PERCENT_OF_RATIO("#,##0.0", 100, "%"),
        PERCENT("#,##0.0", 1, "%"),
        SIGNED_PERCENT("#,##0.0", 1, "%"),
        MONEY("#,##0.00", 1, ""),
        /** A measured value of an outcome metric, in its own unit: as many decimals as it has, at most two. */
        VALUE("#,##0.##", 1, ""),
        P_VALUE("0.000", 1, ""),
        /**
         * A factor a report multiplies by (an isolation factor, an improvement per period): up to four decimals, so
         * that a reader re-multiplying the printed figures gets the printed result.
         */
        FACTOR("#,##0.####", 1, "");

        private final String pattern;
        private final double scale;
        private final String suffix;

        Kind(String pattern, double scale, String suffix) {
            this.pattern = pattern;
            this.scale = scale;
            this.suffix = suffix;
        }

        public double scale() {
            return scale;
        }

        static Kind named(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** {@code kind} as named in templates, e.g. {@code 'percent-of-ratio'}. */
    public String format(String kind, Number value) {
        return text(Kind.named(kind), value);
    }

    public double scale(String kind) {
        return Kind.named(kind).scale();
    }

    public String text(Kind kind, Number value) {
        if (value == null) {
            return UNDEFINED;
        }
        double shown = value.doubleValue() * kind.scale;
        if (kind == Kind.P_VALUE && shown < 0.001) {
            // a p-value is never 0; "0.000" would claim more than the test can tell
            return "< 0.001";
        }
        DecimalFormat format = new DecimalFormat(kind.pattern, DecimalFormatSymbols.getInstance(Locale.UK));
        format.setRoundingMode(RoundingMode.HALF_UP);
        String digits = format.format(Math.abs(shown));
        boolean roundsToZero = digits.chars().allMatch(c -> c == '0' || c == '.' || c == ',');
        String sign = roundsToZero ? "" : shown < 0 ? String.valueOf(MINUS) : kind == Kind.SIGNED_PERCENT ? "+" : "";
        return sign + digits + kind.suffix;
    }

    public String count(Number value) {
        return text(Kind.COUNT, value);
    }

    public String ratio(Number value) {
        return text(Kind.RATIO, value);
    }

    public String value(Number value) {
        return text(Kind.VALUE, value);
    }

    public String percent(Number value) {
        return text(Kind.PERCENT, value);
    }

    public String signedPercent(Number value) {
        return text(Kind.SIGNED_PERCENT, value);
    }

    public String pValue(Number value) {
        return text(Kind.P_VALUE, value);
    }

    public String date(LocalDate date) {
        return date == null ? UNDEFINED : DATE.format(date);
    }

    /** A figure of "what changed" as the API gives it: a whole number as a count, else to two decimals. */
    public String figure(com.fasterxml.jackson.databind.JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return UNDEFINED;
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? count(value.numberValue()) : value(value.numberValue());
        }
        return value.asText();
    }

    /** An instant to the second, in UTC: when something was recorded. */
    public String instant(java.time.Instant instant) {
        return instant == null ? UNDEFINED : RECORDED.format(instant);
    }

    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(java.time.ZoneOffset.UTC);
}
