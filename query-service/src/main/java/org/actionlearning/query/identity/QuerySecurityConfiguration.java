package org.actionlearning.query.identity;

import java.net.URI;
import org.actionlearning.query.ui.UiProperties;
import org.actionlearning.service.security.JwtCallers;
import org.actionlearning.service.security.SecurityProblems;
import org.actionlearning.service.security.SecurityProperties;
import org.actionlearning.service.security.StatelessApi;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three ways in. The API is stateless: a bearer token or HTTP Basic on every request, 401/403 as problem+json, no
 * Basic challenge, cross-origin state changes refused (see {@link StatelessApi}). The pages sign in once with a form
 * and keep a session (with CSRF protection for its few POSTs) under a strict Content-Security-Policy; scripts may
 * read them with a bearer token instead. The ROI report's
 * downloads (PDF, CSV) take the page's session, a bearer token or HTTP Basic, and answer errors as problem+json: they
 * are fetched by scripts as much as by browsers. Passwords are checked by the command service, which keeps the
 * users; tokens are checked here with the shared key or the OIDC provider's keys.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class QuerySecurityConfiguration {

    private static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    /** The report's downloads (see {@code RoiExports}). */
    static final String[] EXPORTS = {"/programmes/*/roi.pdf", "/programmes/*/roi/*.csv"};

    @Bean
    JwtCallers jwtCallers(SecurityProperties properties) {
        return new JwtCallers(properties);
    }

    @Bean
    JwtDecoder jwtDecoder(JwtCallers jwt) {
        return jwt.decoder();
    }

    @Bean
    AuthenticationManager callerAuthentication(JwtCallers jwt, JwtDecoder decoder, DisabledUsers disabled) {
        return new ProviderManager(new RemotePasswordCallers(jwt, decoder, disabled), jwt.tokenProvider(decoder));
    }

    @Bean
    @Order(1)
    SecurityFilterChain queryApiSecurity(HttpSecurity http, AuthenticationManager callers, DisabledUsers disabled)
            throws Exception {
        return StatelessApi.guard(http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**"), callers,
                "/actuator/health/**", "/actuator/health", "/actuator/info",
                "/v3/api-docs/**").addFilterBefore(new DisabledCallerFilter(disabled), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain exportSecurity(HttpSecurity http, AuthenticationManager callers, DisabledUsers disabled)
            throws Exception {
        SecurityProblems problems = new SecurityProblems();
        return http.securityMatcher(EXPORTS)
                .addFilterBefore(new DisabledCallerFilter(disabled), AuthorizationFilter.class)
                .authenticationManager(callers)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // the session of the pages, if there is one; else a token or a password, never a Basic challenge
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.authenticationManager(callers))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager callers, UiProperties ui,
                                     DisabledUsers disabled, JwtCallers callerTokens, JwtDecoder decoder)
            throws Exception {
        SecurityProblems problems = new SecurityProblems();
        return http
                .addFilterBefore(new DisabledCallerFilter(disabled, DisabledCallerFilter.SIGNED_OUT_PAGE),
                        AuthorizationFilter.class)
                // after the disable check (a disabled user's session ends there, unrenewed)
                .addFilterBefore(new PageTokenRenewal(callerTokens, decoder), AuthorizationFilter.class)
                .authenticationManager(callers)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/set-password", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                // scripts may sign in with a bearer token or HTTP Basic; a failed attempt answers 401 without a Basic
                // challenge (a browser would otherwise ask for a password and keep sending it); browsers get the form
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.authenticationManager(callers))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .headers(headers -> headers
                        .addHeaderWriter(policy(new NegatedRequestMatcher(SWAGGER_UI), contentPolicy(ui, "'self'")))
                        // Swagger UI (a library's page, not ours) sets an inline style; its scripts stay strict
                        .addHeaderWriter(policy(SWAGGER_UI, contentPolicy(ui, "'self' 'unsafe-inline'"))))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }

    /**
     * Scripts, styles, fonts and images from this origin only (ECharts and the pages' scripts are served from here;
     * the templates carry no inline script or style), the meeting console's fetches to the command API besides, no
     * plugins, no framing, forms posted here only.
     */
    static String contentPolicy(UiProperties ui, String styles) {
        return "default-src 'self'; script-src 'self'; style-src " + styles + "; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self' " + origin(ui.commandApiUrl()) + "; object-src 'none'; "
                + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    }

    private static HeaderWriter policy(RequestMatcher where, String policy) {
        return new DelegatingRequestMatcherHeaderWriter(where, new ContentSecurityPolicyHeaderWriter(policy));
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
