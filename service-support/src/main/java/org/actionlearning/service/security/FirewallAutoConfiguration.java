package org.actionlearning.service.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** Every service's firewall ({@link HeaderFirewall}) and its refusals as problems ({@link RejectedRequests}). */
@AutoConfiguration
@ConditionalOnClass(StrictHttpFirewall.class)
public class FirewallAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    public HttpFirewall headerFirewall() {
        return new HeaderFirewall();
    }

    @Bean
    @ConditionalOnMissingBean(RequestRejectedHandler.class)
    public RequestRejectedHandler rejectedRequests() {
        return new RejectedRequests();
    }
}
