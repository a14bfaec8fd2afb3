package org.actionlearning.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Every date and number in a request body lies within {@link ValueBounds}, else a 400 naming the field. It wraps
 * whatever deserializer reads the type (the Java time module's for dates), so the parsing stays as it was and only
 * the bound is added. Spring adds this module to the mapper of HTTP bodies only; stored events keep their mappers.
 */
@Component
class BoundedValuesModule extends SimpleModule {

    BoundedValuesModule() {
        super("bounded-values");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                boolean bounded = type == LocalDate.class || type == BigDecimal.class || type == Double.class
                        || type == double.class || type == Float.class || type == float.class;
                return bounded ? new Bounded(deserializer) : deserializer;
            }
        });
    }

    /** A value out of bounds: the advice answers with the rule rather than the type's expected format. */
    static final class OutOfBounds extends InvalidFormatException {

        OutOfBounds(JsonParser parser, String rule, Object value, Class<?> type) {
            super(parser, rule, value, type);
        }
    }

    private static final class Bounded extends DelegatingDeserializer {

        Bounded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Bounded(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            String broken = value instanceof LocalDate date && !ValueBounds.allows(date) ? ValueBounds.DATE_RULE
                    : value instanceof BigDecimal number && !ValueBounds.allows(number) ? ValueBounds.NUMBER_RULE
                    : (value instanceof Double || value instanceof Float)
                            && !ValueBounds.allows(((Number) value).doubleValue()) ? ValueBounds.NUMBER_RULE
                    : null;
            if (broken != null) {
                throw new OutOfBounds(parser, broken, value, value.getClass());
            }
            return value;
        }
    }
}
