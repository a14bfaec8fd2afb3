package org.actionlearning.query.ui;

import java.math.BigDecimal;

/**
 * A CSV table (RFC 4180: comma-separated, double quotes, CRLF). Numbers at full precision, as the API gives them,
 * so a spreadsheet can recompute; empty where the API has null.
 */
final class Csv {

    private final StringBuilder text = new StringBuilder();

    Csv(String... header) {
        row((Object[]) header);
    }

    Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells[i]));
        }
        text.append("\r\n");
        return this;
    }

    String text() {
        return text.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quoted(value.toString());
    }

    private static String quoted(String text) {
        // a leading = + - @ would make a spreadsheet run the cell as a formula (names are typed in by users), and
        // so may a tab or carriage return before one: spreadsheets skip them when they look for a formula
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
