package org.actionlearning.service.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** What the service's OpenAPI document says about itself. */
@ConfigurationProperties("als.api-docs")
public record ApiDocumentationProperties(String title, String description, String version) {

    public ApiDocumentationProperties {
        title = title == null ? "Action Learning Sets API" : title;
        description = description == null ? "" : description;
        version = version == null ? "1" : version;
    }
}
