package org.actionlearning.service.security;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * How both services guard their JSON API: no session and so no CSRF token (no cookie a forged cross-site
 * request could ride on), a bearer token or HTTP Basic on every request, checked by one authentication manager,
 * and 401/403 as problem+json. A 401 challenges for a bearer token only: a Basic challenge would make a browser
 * ask for a password and then send it on its own with every request, cross-site ones included. And since a
 * browser may still hold such credentials, a state-changing request from another origin is refused
 * ({@link OriginCheck}). Paths given as open (health, the API description) need no sign-in; nor do CORS
 * preflights. Any other actuator endpoint (metrics, Prometheus) is for operators only.
 */
public final class StatelessApi {

    private static final String MVC_INTROSPECTOR = "mvcHandlerMappingIntrospector";

    private StatelessApi() {
    }

    public static HttpSecurity guard(HttpSecurity http, AuthenticationManager callers, String... openPaths)
            throws Exception {
        SecurityProblems problems = new SecurityProblems();
        return http
                .addFilterBefore(new OriginCheck(corsOf(http)), CorsFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(callers)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers(openPaths).permitAll()
                        // metrics name every organisation's activity: operators (ADMIN:*) only, as health details
                        .requestMatchers("/actuator/**").hasAuthority(CallerAuthentication.OPERATOR)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.authenticationManager(callers))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    /** The service's CORS configuration (Spring MVC's, as {@code http.cors()} finds it), or null without one. */
    private static CorsConfigurationSource corsOf(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        if (context == null) {
            return null;
        }
        if (context.getBeanNamesForType(CorsConfigurationSource.class).length == 1) {
            return context.getBean(CorsConfigurationSource.class);
        }
        return context.containsBean(MVC_INTROSPECTOR)
                ? context.getBean(MVC_INTROSPECTOR, CorsConfigurationSource.class) : null;
    }
}
