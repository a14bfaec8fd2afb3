package org.actionlearning.command.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the query service's meeting console, a page of another origin, call the command API from the browser.
 * Only the origins in {@code als.cors.allowed-origins} (comma-separated; default the query service on
 * localhost:8082) may; they may send JSON, an {@code Idempotency-Key} and the user's bearer token, and read
 * {@code Location}.
 */
@Configuration(proxyBeanMethods = false)
public class CommandApiCorsConfiguration implements WebMvcConfigurer {

    private final String[] allowedOrigins;

    public CommandApiCorsConfiguration(
            @Value("${als.cors.allowed-origins:http://localhost:8082}") String[] allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**")
                .allowedOrigins(allowedOrigins)
                .allowedMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .allowedHeaders(HttpHeaders.CONTENT_TYPE, IdempotencyFilter.HEADER, HttpHeaders.AUTHORIZATION)
                .exposedHeaders(HttpHeaders.LOCATION, "Idempotent-Replayed")
                .maxAge(3600);
    }
}
