package org.actionlearning.command.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A batch of rows refused as a whole, each bad row named by where it came from ("line 3" of a CSV file,
 * "rows[2]" of a JSON body) and the column at fault, so that the caller can fix every row in one go.
 * Malformed rows (a value that is not a date) are a 400; rows that break the aggregate's rules a 409.
 */
public class RowsRefused extends DomainException {

    /** @param field where and which column, e.g. {@code line 3.measuredOn} */
    public record RowError(String field, String message) {
    }

    private final List<RowError> errors;
    private final boolean malformed;

    private RowsRefused(List<RowError> errors, boolean malformed) {
        super(errors.get(0).field(), errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
        this.malformed = malformed;
    }

    /** Values that no state could accept (HTTP 400). */
    public static RowsRefused malformed(List<RowError> errors) {
        return new RowsRefused(errors, true);
    }

    /** Rows that break the aggregate's rules as it stands (HTTP 409). */
    public static RowsRefused breakingRules(List<RowError> errors) {
        return new RowsRefused(errors, false);
    }

    public List<RowError> errors() {
        return errors;
    }

    public boolean malformed() {
        return malformed;
    }
}
