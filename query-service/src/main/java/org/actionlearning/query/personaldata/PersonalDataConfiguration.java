package org.actionlearning.query.personaldata;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.actionlearning.service.security.SecurityProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PersonalDataConfiguration {

    /**
     * The header from {@code als.personal-data.authorization}, else HTTP Basic as the built-in {@code service} user
     * with {@code als.security.service-password}; replace this bean to supply other service credentials.
     */
    @Bean
    @ConditionalOnMissingBean
    public VaultAuthorization vaultAuthorization(PersonalDataProperties properties, SecurityProperties security) {
        Optional<String> configured = Optional.ofNullable(properties.authorization()).filter(v -> !v.isBlank());
        Optional<String> service = Optional.ofNullable(security.servicePassword()).map(password -> "Basic "
                + Base64.getEncoder().encodeToString(("service:" + password).getBytes(StandardCharsets.UTF_8)));
        Optional<String> header = configured.or(() -> service);
        return () -> header;
    }

    /** 1 while the circuit to the vault is open (personal data shows as unavailable without a call), else 0. */
    @Bean
    public MeterBinder vaultCircuitMetric(PersonalDataClient client) {
        return registry -> Gauge.builder("als.vault.circuit.open", client, c -> switch (c.circuitState()) {
                    case OPEN, FORCED_OPEN -> 1.0;
                    default -> 0.0;
                }).description("whether the circuit breaker on the call to the personal data vault is open")
                .register(registry);
    }
}
