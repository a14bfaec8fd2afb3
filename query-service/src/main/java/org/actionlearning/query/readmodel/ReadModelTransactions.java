package org.actionlearning.query.readmodel;

import javax.sql.DataSource;
import org.actionlearning.projection.TransactionScopedIsolation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The query service's transactions: isolation per transaction (see {@link TransactionScopedIsolation}). */
@Configuration(proxyBeanMethods = false)
class ReadModelTransactions {

    @Bean
    TransactionScopedIsolation transactionManager(DataSource dataSource) {
        return new TransactionScopedIsolation(dataSource);
    }
}
