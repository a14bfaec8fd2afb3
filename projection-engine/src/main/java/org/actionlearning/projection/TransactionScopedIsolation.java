package org.actionlearning.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DelegatingTransactionDefinition;

/**
 * Spring's JDBC transaction manager, except that an isolation level other than the default is set for the
 * transaction alone, by {@code SET TRANSACTION} as its first statement, which the driver sends together with the
 * {@code BEGIN}. Spring sets it on the connection for the whole session instead: it asks the driver for the level in
 * force ({@code SHOW TRANSACTION ISOLATION LEVEL}), sets the new one ({@code SET SESSION CHARACTERISTICS}) and sets the
 * old one back after the commit, three more round trips to PostgreSQL around every dashboard, fairness audit and
 * other consistent (REPEATABLE READ) read of the query service.
 */
public class TransactionScopedIsolation extends JdbcTransactionManager {

    public TransactionScopedIsolation(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition.getIsolationLevel() == TransactionDefinition.ISOLATION_DEFAULT
                ? definition : new IsolationOfTheTransaction(definition));
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        if (definition instanceof IsolationOfTheTransaction isolation) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set transaction isolation level " + isolation.level());
            }
        }
    }

    /** The definition as Spring's session-wide handling sees it (default isolation), keeping the level asked for. */
    private static final class IsolationOfTheTransaction extends DelegatingTransactionDefinition {

        private final String level;

        IsolationOfTheTransaction(TransactionDefinition definition) {
            super(definition);
            this.level = switch (definition.getIsolationLevel()) {
                case ISOLATION_READ_UNCOMMITTED -> "read uncommitted";
                case ISOLATION_READ_COMMITTED -> "read committed";
                case ISOLATION_REPEATABLE_READ -> "repeatable read";
                case ISOLATION_SERIALIZABLE -> "serializable";
                default -> throw new IllegalArgumentException("isolation level " + definition.getIsolationLevel());
            };
        }

        @Override
        public int getIsolationLevel() {
            return ISOLATION_DEFAULT;
        }

        String level() {
            return level;
        }
    }
}
