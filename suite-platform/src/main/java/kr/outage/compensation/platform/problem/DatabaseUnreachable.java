package kr.outage.compensation.platform.problem;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a failure to reach the database from a bug. Both used to end as 500 internal-error; a
 * client (and the on-call engineer) should see the first as 503 with Retry-After: nothing is wrong
 * with the request, and trying again once the database is back is the right thing to do. Recognised
 * anywhere in the cause chain, whatever driver or pool threw it: a refused or timed-out connection,
 * the JDBC connection exceptions and SQLSTATE class 08 (connection exception), the pool giving up
 * waiting for a connection.
 */
public final class DatabaseUnreachable {

    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnreachable() {
    }

    public static boolean causedBy(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            String name = t.getClass().getSimpleName();
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (name.equals("ConnectTimeoutException") // Netty, under the reactive clients
                    || message.startsWith("Acquisition timeout while waiting for new connection")) { // Agroal
                return true;
            }
        }
        return false;
    }
}
