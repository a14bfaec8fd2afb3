package org.actionlearning.query.access;

import org.actionlearning.service.security.JwtCallers;
import org.actionlearning.service.security.StatelessApi;
import org.actionlearning.service.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two ways in. The API is stateless: a bearer token or HTTP Basic on every request, 401/403 as problem+json.
 * The pages sign in once with a form and keep a session (with CSRF protection for its few POSTs). Passwords are
 * checked by the command service, which keeps the users; tokens are checked here with the shared key or the
 * OIDC provider's keys.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class QuerySecurityConfiguration {

    @Bean
    JwtCallers jwtCallers(SecurityProperties properties) {
        return new JwtCallers(properties);
    }

    @Bean
    JwtDecoder jwtDecoder(JwtCallers jwt) {
        return jwt.decoder();
    }

    @Bean
    AuthenticationManager callerAuthentication(JwtCallers jwt, JwtDecoder decoder) {
        return new ProviderManager(new RemotePasswordCallers(jwt, decoder), jwt.tokenProvider(decoder));
    }

    @Bean
    @Order(1)
    SecurityFilterChain queryApiSecurity(HttpSecurity http, AuthenticationManager callers) throws Exception {
        return StatelessApi.guard(http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**"), callers,
                "/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus",
                "/v3/api-docs/**").build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager callers) throws Exception {
        return http
                .authenticationManager(callers)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                // scripts fetching a CSV or PDF report sign in with HTTP Basic; browsers get the form
                .httpBasic(basic -> { })
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }
}
