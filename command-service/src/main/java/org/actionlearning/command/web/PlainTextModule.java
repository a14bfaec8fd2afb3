package org.actionlearning.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Every string in a request body is plain text. Control characters have no place in a name or a note and do harm
 * where the text is shown later: a NUL that PostgreSQL refuses mid-transaction, a terminal escape in a log or CSV,
 * a right-to-left override that makes a name read backwards on a page. Tabs and line breaks are text and are kept,
 * except in names ({@code name} and every field ending in {@code Name}): a name is one line, and a tab or line
 * break at its start slips a formula past a spreadsheet, breaks a CSV row or a log line.
 * Spring adds this module to the mapper of HTTP bodies only; stored events are read by their own mappers.
 */
@Component
class PlainTextModule extends SimpleModule {

    static final String RULE = "must be plain text: no control or direction-override characters "
            + "(nor tabs or line breaks in a name)";

    PlainTextModule() {
        super("plain-text");
        addDeserializer(String.class, new PlainTextDeserializer());
    }

    private static final class PlainTextDeserializer extends JsonDeserializer<String>
            implements ContextualDeserializer {

        private final boolean name;

        PlainTextDeserializer() {
            this(false);
        }

        private PlainTextDeserializer(boolean name) {
            this.name = name;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return new PlainTextDeserializer(property != null && isName(property.getName()));
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !(name ? isPlainLine(text) : isPlain(text))) {
                throw InvalidFormatException.from(parser, RULE, text, String.class);
            }
            return text;
        }
    }

    static boolean isName(String field) {
        return field.equals("name") || field.endsWith("Name");
    }

    /** Plain text on one line: no tab or line break either. */
    static boolean isPlainLine(String text) {
        return isPlain(text) && text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
    }

    static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one character outside the Basic Multilingual Plane
            } else if (Character.isSurrogate(c) || !allowed(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
        boolean directionOverride = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
        return !control && !directionOverride;
    }
}
