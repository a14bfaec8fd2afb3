package org.actionlearning.service.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actionlearning.service.FieldError;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * A request body that gives one field twice is refused on both services (400 naming the field): otherwise a
 * one-field body failed as a 500 and a longer one silently took the last value, which a proxy or another reader of
 * the same body may take differently.
 */
@AutoConfiguration
public class RepeatedFields {

    static final String MESSAGE = "is given more than once";
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer refuseRepeatedFields() {
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * The repeated field, as a path such as {@code target.withinDays}, if {@code cause} (the reason a body could not
     * be read) is that refusal.
     */
    public static Optional<FieldError> of(Throwable cause) {
        String enclosing = "";
        Throwable refusal = cause;
        if (cause instanceof JsonMappingException mapping && !(cause instanceof JsonParseException)) {
            // refused inside a nested object: the mapping exception knows the way to it
            enclosing = path(mapping);
            refusal = mapping.getCause();
        }
        if (!(refusal instanceof JsonParseException parse) || parse.getOriginalMessage() == null) {
            return Optional.empty();
        }
        Matcher named = DUPLICATE.matcher(parse.getOriginalMessage());
        if (!named.find()) {
            return Optional.empty();
        }
        String field = enclosing.isEmpty() ? named.group(1) : enclosing + "." + named.group(1);
        return Optional.of(new FieldError(field, MESSAGE));
    }

    /** The JSON path a mapping failure names, e.g. {@code target.withinDays} or {@code attendees[2]}; "" for none. */
    public static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
