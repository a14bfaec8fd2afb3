package org.actionlearning.command.identity;

import org.actionlearning.service.security.JwtCallers;
import org.actionlearning.service.security.StatelessApi;
import org.actionlearning.service.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The command API is stateless: every request carries a bearer token or HTTP Basic credentials. Health and the API
 * description are open, metrics are for operators; everything else needs a signed-in caller, and each command
 * is then checked against the caller's grants where it is sent. Password sign-ins pass the {@link SignInGuard}
 * first (throttling, bcrypt's length limit).
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class CommandSecurityConfiguration {

    @Bean
    JwtCallers jwtCallers(SecurityProperties properties) {
        return new JwtCallers(properties);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain commandApiSecurity(HttpSecurity http, JwtCallers jwt, PasswordCallers passwords,
                                           SignInThrottle throttle, SecurityProperties security,
                                           DisabledUsers disabled, UserAccounts accounts) throws Exception {
        ProviderManager callers = new ProviderManager(new EnabledCallers(passwords, disabled, accounts),
                new EnabledCallers(jwt.tokenProvider(jwt.decoder()), disabled, accounts));
        return StatelessApi.guard(http.cors(Customizer.withDefaults()), callers,
                "/actuator/health/**", "/actuator/health", "/actuator/info",
                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error", SetPasswordController.PATH,
                SetPasswordController.CHECK_PATH)
                .addFilterBefore(new SignInGuard(throttle, security.servicePassword()), BasicAuthenticationFilter.class)
                .build();
    }
}
