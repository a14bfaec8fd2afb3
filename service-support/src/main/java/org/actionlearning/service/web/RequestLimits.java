package org.actionlearning.service.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestBody the largest request body either service reads; a larger one is refused with 413 before it
 *                       is parsed
 */
@ConfigurationProperties("als.http")
public record RequestLimits(@DefaultValue("1MB") DataSize maxRequestBody) {

    public RequestLimits {
        if (maxRequestBody.toBytes() <= 0) {
            throw new IllegalArgumentException("als.http.max-request-body must be positive");
        }
    }
}
