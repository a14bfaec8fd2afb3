package org.actionlearning.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * PostgreSQL's statement_timeout and idle_in_transaction_session_timeout on every connection of the service's pool,
 * from {@link EventStoreProperties}: part of the bounds on a transaction's life that keep the relay from giving up
 * a position that will still commit. A migration that reads or rewrites a large table lifts them for its own
 * transaction ({@code set local statement_timeout = 0}).
 */
class SessionTimeouts implements BeanPostProcessor {

    private final ObjectProvider<EventStoreProperties> properties;

    SessionTimeouts(ObjectProvider<EventStoreProperties> properties) {
        this.properties = properties;
    }

    static String initSql(EventStoreProperties properties) {
        return "set statement_timeout = " + properties.statementTimeout().toMillis()
                + "; set idle_in_transaction_session_timeout = " + properties.idleInTransactionTimeout().toMillis();
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(initSql(properties.getObject()));
        }
        return bean;
    }
}
