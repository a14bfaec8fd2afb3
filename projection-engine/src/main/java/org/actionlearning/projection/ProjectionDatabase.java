package org.actionlearning.projection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.actionlearning.projection.TransactionScopedIsolation;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultDSLContext;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.jooq.ExceptionTranslatorExecuteListener;
import org.springframework.boot.autoconfigure.jooq.SpringTransactionProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projection's own connection pool, transaction manager and jOOQ context, used by the projection only: the API's
 * pool can be exhausted (slow reads, a slow call to the command service inside a transaction) without stopping
 * projection, and the projection's large transactions cannot starve the API. Same database and settings as the API's
 * pool ({@code spring.datasource.*}), sized by {@code als.projection.pool.maximum-size}.
 * <p>
 * Its beans are not default candidates: injected only where asked for with {@link ProjectionDb}, so everything else
 * (and Spring Boot's auto-configuration) keeps the API's.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionDatabase {

    /** The transaction manager's bean name, for {@code @Transactional(ProjectionDatabase.TRANSACTIONS)}. */
    public static final String TRANSACTIONS = "projectionTransactionManager";

    @Bean(destroyMethod = "close", defaultCandidate = false)
    @ProjectionDb
    public HikariDataSource projectionDataSource(DataSource apiDataSource, DataSourceProperties properties,
                                                 ProjectionPoolProperties pool) {
        HikariConfig config = new HikariConfig();
        if (apiDataSource instanceof HikariDataSource api) {
            api.copyStateTo(config); // URL, credentials and driver settings (e.g. reWriteBatchedInserts)
            // the API's read timeout bounds a read; a large batch may take longer, and projection retries anyway
            config.getDataSourceProperties().remove("socketTimeout");
        } else {
            config.setJdbcUrl(properties.determineUrl());
            config.setUsername(properties.determineUsername());
            config.setPassword(properties.determinePassword());
        }
        config.setPoolName("projection");
        config.setMaximumPoolSize(pool.maximumSize());
        config.setMinimumIdle(Math.min(config.getMinimumIdle(), pool.maximumSize()));
        config.setConnectionTimeout(pool.connectionTimeout().toMillis());
        return new HikariDataSource(config);
    }

    @Bean(name = TRANSACTIONS, defaultCandidate = false)
    @ProjectionDb
    public TransactionScopedIsolation projectionTransactionManager(@ProjectionDb HikariDataSource dataSource) {
        return new TransactionScopedIsolation(dataSource);
    }

    @Bean(defaultCandidate = false)
    @ProjectionDb
    public DSLContext projectionDsl(@ProjectionDb HikariDataSource dataSource,
                                    @ProjectionDb TransactionScopedIsolation transactions) {
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(SQLDialect.POSTGRES);
        configuration.set(new DataSourceConnectionProvider(new TransactionAwareDataSourceProxy(dataSource)));
        configuration.set(new SpringTransactionProvider(transactions));
        configuration.set(new DefaultExecuteListenerProvider(ExceptionTranslatorExecuteListener.DEFAULT));
        return new DefaultDSLContext(configuration);
    }

    /** Transactions on the projection's pool (tests that roll a projection transaction back). */
    @Bean(defaultCandidate = false)
    @ProjectionDb
    public TransactionTemplate projectionTransactions(@ProjectionDb TransactionScopedIsolation transactions) {
        return new TransactionTemplate(transactions);
    }
}
