package org.actionlearning.query.web;

import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.util.Arrays;
import java.util.List;
import org.actionlearning.query.read.PastView;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers {@link PastViewResolver} and documents its two parameters on every operation that takes a view. */
@Configuration
class PastViewConfiguration implements WebMvcConfigurer {

    static {
        // the view is two query parameters, documented below, not a request body or an object parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PastView.class);
    }

    private final PastViewResolver resolver;

    PastViewConfiguration(PastViewResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(resolver);
    }

    @Bean
    OperationCustomizer pastViewParameters() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> PastView.class.equals(p.getParameterType()))) {
                operation.addParametersItem(new QueryParameter().name(PastViewResolver.AS_OF).required(false)
                        .description("ISO date: what had happened by the end of that day counts (and governs "
                                + "`overdue`); defaults to today (UTC)")
                        .schema(new DateSchema()));
                operation.addParametersItem(new QueryParameter().name(PastViewResolver.RECORDED_BY).required(false)
                        .description("ISO instant: only what was recorded by then counts; defaults to now")
                        .schema(new DateTimeSchema()));
            }
            return operation;
        };
    }
}
