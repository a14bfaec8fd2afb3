package org.actionlearning.command.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.actionlearning.command.domain.RowsRefused;
import org.actionlearning.command.domain.RowsRefused.RowError;
import org.actionlearning.command.outcome.OutcomeCommands.ImportedPoint;
import org.actionlearning.command.web.ValueBounds;

/**
 * Reads an import of outcome values: a header naming the columns {@code series,measuredOn,value} (in any order),
 * then one value a line, e.g. {@code baseline,2026-01-05,12.5}. Every malformed row is reported by its line
 * number and column in one refusal, so a spreadsheet can be fixed in one pass. Fields are plain (no quoted commas):
 * dates, numbers and a series name need none.
 */
final class SeriesCsv {

    /** More rows than any weekly or daily series of a programme needs; a bigger file is a mistake. */
    static final int MAX_ROWS = 1000;
    private static final List<String> COLUMNS = List.of("series", "measuredOn", "value");

    private SeriesCsv() {
    }

    static List<ImportedPoint> parse(String text) {
        String[] lines = (text == null ? "" : text).replace("\uFEFF", "").split("\r\n|\n|\r", -1);
        int headerLine = firstNonBlank(lines);
        if (headerLine < 0) {
            throw refused(new RowError("line 1", "the file is empty; expected a header " + String.join(",", COLUMNS)));
        }
        Map<String, Integer> column = header(lines[headerLine], headerLine + 1);
        List<ImportedPoint> points = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (points.size() + errors.size() >= MAX_ROWS) {
                throw refused(new RowError("line " + (i + 1), "at most " + MAX_ROWS + " rows per import"));
            }
            String where = "line " + (i + 1);
            String[] cells = Arrays.stream(lines[i].split(",", -1)).map(SeriesCsv::unquote).toArray(String[]::new);
            if (cells.length != column.size()) {
                errors.add(new RowError(where, "expected " + column.size() + " fields, found " + cells.length));
                continue;
            }
            int before = errors.size();
            Series series = series(cells[column.get("series")], where, errors);
            LocalDate measuredOn = date(cells[column.get("measuredOn")], where, errors);
            BigDecimal value = number(cells[column.get("value")], where, errors);
            if (errors.size() == before) {
                points.add(new ImportedPoint(where, series, measuredOn, value));
            }
        }
        if (!errors.isEmpty()) {
            throw RowsRefused.malformed(errors);
        }
        if (points.isEmpty()) {
            throw refused(new RowError("line " + (headerLine + 2), "no rows after the header"));
        }
        return points;
    }

    private static int firstNonBlank(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** Where each column sits, from the header's names (any order, any case). */
    private static Map<String, Integer> header(String line, int number) {
        String[] names = Arrays.stream(line.split(",", -1)).map(SeriesCsv::unquote).toArray(String[]::new);
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            String known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null || at.put(known, i) != null) {
                break;
            }
        }
        if (at.size() != COLUMNS.size() || names.length != COLUMNS.size()) {
            throw refused(new RowError("line " + number, "the header must name each of " + String.join(",", COLUMNS)
                    + " once, was '" + line.trim() + "'"));
        }
        return at;
    }

    private static Series series(String cell, String where, List<RowError> errors) {
        String name = cell.toLowerCase(Locale.ROOT).replace('_', '-');
        if (name.equals("baseline")) {
            return Series.BASELINE;
        }
        if (name.equals("follow-up") || name.equals("followup")) {
            return Series.FOLLOW_UP;
        }
        errors.add(new RowError(where + ".series", "must be baseline or follow-up, was '" + cell + "'"));
        return null;
    }

    private static LocalDate date(String cell, String where, List<RowError> errors) {
        try {
            LocalDate date = LocalDate.parse(cell);
            if (!ValueBounds.allows(date)) {
                errors.add(new RowError(where + ".measuredOn", ValueBounds.DATE_RULE + ", was '" + cell + "'"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new RowError(where + ".measuredOn", "must be an ISO date (yyyy-MM-dd), was '" + cell + "'"));
            return null;
        }
    }

    private static BigDecimal number(String cell, String where, List<RowError> errors) {
        try {
            BigDecimal value = new BigDecimal(cell);
            if (!ValueBounds.allows(value)) {
                errors.add(new RowError(where + ".value", ValueBounds.NUMBER_RULE + ", was '" + cell + "'"));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new RowError(where + ".value", "must be a number, was '" + cell + "'"));
            return null;
        }
    }

    private static String unquote(String cell) {
        String trimmed = cell.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1).trim() : trimmed;
    }

    private static RowsRefused refused(RowError error) {
        return RowsRefused.malformed(List.of(error));
    }
}
