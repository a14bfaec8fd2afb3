package org.actionlearning.query.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Writes chart data into a page ({@code @json} in templates) with the same mapper, so the same JSON, as the API.
 * Templates put it into an attribute, which Thymeleaf escapes.
 */
@Component("json")
public class PageJson {

    private final ObjectMapper mapper;

    public PageJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data cannot be written as JSON", e);
        }
    }
}
