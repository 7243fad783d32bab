package kr.outage.compensation.entitlement.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Transactions on this service's database. Plain JDBC on worker threads: bulk work here is COPY and
 * long set-based statements, which the reactive client and Hibernate cannot express or would hold
 * on the event loop.
 */
@ApplicationScoped
public class Jdbc {

    @Inject
    AgroalDataSource dataSource;

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T inTransaction(Work<T> work) {
        return inTransaction(Connection.TRANSACTION_READ_COMMITTED, work);
    }

    public <T> T inTransaction(int isolation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // Each change of isolation is a round trip to the database; connections are READ COMMITTED
            // unless a transaction asked otherwise, and are set back before they return to the pool.
            boolean otherIsolation = isolation != Connection.TRANSACTION_READ_COMMITTED;
            if (otherIsolation) {
                c.setTransactionIsolation(isolation);
            }
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                if (otherIsolation) {
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** A connection held for a whole multi-transaction job (rollback), e.g. to keep a session advisory lock. */
    public Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    public static PreparedStatement prepare(Connection c, SqlText sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql.text());
        bind(c, ps, sql.params());
        return ps;
    }

    public static void bind(Connection c, PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            int at = i + 1;
            if (p == null) {
                ps.setObject(at, null);
            } else if (p instanceof String[] array) {
                ps.setArray(at, c.createArrayOf("text", array));
            } else if (p instanceof java.util.UUID[] ids) {
                ps.setArray(at, c.createArrayOf("uuid", ids));
            } else if (p instanceof Instant instant) {
                ps.setObject(at, instant.atOffset(ZoneOffset.UTC));
            } else {
                ps.setObject(at, p);
            }
        }
    }

    /**
     * Keeps the driver from turning a statement into a server-side prepared statement, whose generic
     * plan the connection would keep for its lifetime: the statement is then planned for its own
     * parameters and the tables as they are at that moment. For statements on tables that start
     * empty and grow fast (a launch's claims), where a plan made early would scan the whole table.
     */
    public static void plannedEachTime(PreparedStatement ps) throws SQLException {
        ps.unwrap(PGStatement.class).setPrepareThreshold(0);
    }

    /** Runs one INSERT, UPDATE or DELETE; returns the number of rows it touched. */
    public static int update(Connection c, SqlText sql) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql)) {
            return ps.executeUpdate();
        }
    }

    public static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    /** SQLState 40001/40P01: another transaction changed the same rows; the whole unit may simply be retried. */
    public static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** SQLState 23505: a unique constraint refused the row. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
