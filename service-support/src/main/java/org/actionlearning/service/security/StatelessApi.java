package org.actionlearning.service.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * How both services guard their JSON API: no session and so no CSRF token (no cookie a forged cross-site
 * request could ride on), a bearer token or HTTP Basic on every request, checked by one authentication manager,
 * and 401/403 as problem+json. Paths given as open (health, metrics for the scraper, the API description) need
 * no sign-in; nor do CORS preflights.
 */
public final class StatelessApi {

    private StatelessApi() {
    }

    public static HttpSecurity guard(HttpSecurity http, AuthenticationManager callers, String... openPaths)
            throws Exception {
        SecurityProblems problems = new SecurityProblems();
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(callers)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers(openPaths).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.authenticationManager(callers))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }
}
