package org.actionlearning.query.personaldata;

import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PersonalDataConfiguration {

    /** The header from {@code als.personal-data.authorization}; replace this bean to supply service credentials. */
    @Bean
    @ConditionalOnMissingBean
    public VaultAuthorization vaultAuthorization(PersonalDataProperties properties) {
        return () -> Optional.ofNullable(properties.authorization()).filter(value -> !value.isBlank());
    }
}
