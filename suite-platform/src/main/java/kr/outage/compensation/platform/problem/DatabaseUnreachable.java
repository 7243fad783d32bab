package kr.outage.compensation.platform.problem;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a failure to reach the database from a bug. Both used to end as 500 internal-error; a
 * client (and the on-call engineer) should see the first as 503 with Retry-After: nothing is wrong
 * with the request, and trying again once the database is back is the right thing to do. Recognised
 * anywhere in the cause chain, whatever driver or pool threw it: a refused, reset or timed-out
 * connection, a connection the server closed under a statement (the reactive client's
 * ClosedConnectionException), the JDBC connection exceptions, SQLSTATE class 08 (connection
 * exception) and 57P01-57P03 (the server shutting down or starting up, as in a fail-over), the pool
 * giving up waiting for a connection. {@code DatabaseUnreachableTest} provokes each of these from
 * both clients the services use.
 */
@RegisterForReflection(classNames = DatabaseUnreachable.REACTIVE_DATABASE_EXCEPTION, methods = true, fields = false)
public final class DatabaseUnreachable {

    static final String REACTIVE_DATABASE_EXCEPTION = "io.vertx.sqlclient.DatabaseException";

    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnreachable() {
    }

    public static boolean causedBy(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            // SocketException covers refused (ConnectException), no route and reset connections
            if (t instanceof SocketException || t instanceof ClosedChannelException || t instanceof EOFException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // Netty reports a reset on a read as a bare IOException with the kernel's words
            if (t.getClass() == IOException.class && (message(t).contains("Connection reset") || message(t).contains("Broken pipe"))) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            String name = t.getClass().getSimpleName();
            String message = message(t);
            if (name.equals("ConnectTimeoutException") // Netty, under the reactive clients
                    || name.equals("ClosedConnectionException") // Vert.x SQL client: closed under a statement
                    || message.startsWith("Acquisition timeout while waiting for new connection")) { // Agroal
                return true;
            }
            if (isConnectionState(reactiveSqlState(t))) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage();
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08")
                || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }

    /**
     * The SQLSTATE of a reactive client's error ({@code io.vertx.sqlclient.DatabaseException}), read
     * without making the platform, and the service that uses JDBC only, depend on that client.
     */
    private static String reactiveSqlState(Throwable failure) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(REACTIVE_DATABASE_EXCEPTION)) {
                try {
                    Method sqlState = type.getMethod("getSqlState");
                    return sqlState.invoke(failure) instanceof String state ? state : null;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
