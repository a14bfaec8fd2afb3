package org.actionlearning.service;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Installs {@link ProblemJsonErrorReportValve} in every service that runs on Tomcat, and {@link ErrorPathNotServed}
 * before every other filter (security included: a direct {@code /error} is a 404 for anyone).
 */
@AutoConfiguration
@ConditionalOnClass(TomcatServletWebServerFactory.class)
public class ProblemJsonErrorsAutoConfiguration {

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    public FilterRegistrationBean<ErrorPathNotServed> errorPathNotServed() {
        var registration = new FilterRegistrationBean<>(new ErrorPathNotServed());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
