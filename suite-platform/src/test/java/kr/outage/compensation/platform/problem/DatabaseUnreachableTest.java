package kr.outage.compensation.platform.problem;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are "the database cannot be reached" (503, try again) and which stay bugs (500).
 * Beyond hand-made exceptions, the failures are provoked for real from both database clients the
 * services use (the reactive Vert.x client and JDBC): a server that drops or resets the connection
 * (what a cut network path or a dying proxy does), and PostgreSQL terminating the session under a
 * running statement (what a fail-over or restart does). The local PostgreSQL of the tests is used.
 */
class DatabaseUnreachableTest {

    private static final String PG = "127.0.0.1:" + System.getenv().getOrDefault("DB_PORT", "5432");
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    @Test
    void aRefusedConnectionAnywhereInTheChainIsUnreachable() {
        Exception jdbc = new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("Connection refused"));
        assertThat(DatabaseUnreachable.causedBy(new RuntimeException("wrapped", jdbc))).isTrue();
        assertThat(DatabaseUnreachable.causedBy(new CompletionException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void connectionClassSqlStatesAndThePoolGivingUpAreUnreachable() {
        assertThat(DatabaseUnreachable.causedBy(new SQLException("An I/O error occurred while sending to the backend", "08006")))
                .isTrue();
        assertThat(DatabaseUnreachable.causedBy(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
    }

    @Test
    void errorsOfTheRequestOrTheCodeAreNot() {
        assertThat(DatabaseUnreachable.causedBy(new java.io.IOException("Unexpected end of JSON input"))).isFalse();
        assertThat(DatabaseUnreachable.causedBy(new SQLException("duplicate key value violates unique constraint", "23505")))
                .isFalse();
        assertThat(DatabaseUnreachable.causedBy(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseUnreachable.causedBy(new NullPointerException())).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseUnreachable.causedBy(a)).isFalse();
    }

    @Test
    void aServerThatDropsTheConnectionIsUnreachableFromBothClients() throws Exception {
        try (ServerSocket dropping = answering(false)) {
            assertThat(DatabaseUnreachable.causedBy(reactiveFailure(dropping.getLocalPort(), "select 1"))).isTrue();
            assertThat(DatabaseUnreachable.causedBy(jdbcConnectFailure(dropping.getLocalPort()))).isTrue();
        }
    }

    @Test
    void aServerThatResetsTheConnectionIsUnreachableFromBothClients() throws Exception {
        // the reset reaches the client as a failed connect or as a failed read, depending on timing: a few tries see both
        try (ServerSocket resetting = answering(true)) {
            for (int attempt = 0; attempt < 8; attempt++) {
                assertThat(DatabaseUnreachable.causedBy(reactiveFailure(resetting.getLocalPort(), "select 1"))).isTrue();
                assertThat(DatabaseUnreachable.causedBy(jdbcConnectFailure(resetting.getLocalPort()))).isTrue();
            }
        }
    }

    @Test
    void aSessionPostgresTerminatesUnderAStatementIsUnreachableForBothClients() throws Exception {
        String reactiveSleep = "select pg_sleep(5.01)";
        Pool pool = pool(Integer.parseInt(PG.substring(PG.indexOf(':') + 1)));
        try {
            CompletableFuture<?> running = pool.query(reactiveSleep).execute().toCompletionStage().toCompletableFuture();
            terminateWhenRunning(reactiveSleep);
            assertThat(DatabaseUnreachable.causedBy(failureOf(running))).isTrue();
        } finally {
            pool.close();
        }

        String jdbcSleep = "select pg_sleep(5.02)";
        try (Connection session = DriverManager.getConnection("jdbc:postgresql://" + PG + "/postgres", "postgres", "");
             Statement statement = session.createStatement()) {
            CompletableFuture<Void> terminated = CompletableFuture.runAsync(() -> terminateWhenRunning(jdbcSleep));
            SQLException terminatedUnder = catchSql(() -> statement.execute(jdbcSleep));
            terminated.get(10, TimeUnit.SECONDS);
            assertThat(terminatedUnder.getSQLState()).isEqualTo("57P01");
            assertThat(DatabaseUnreachable.causedBy(terminatedUnder)).isTrue();
            // and the next statement on the dead session
            assertThat(DatabaseUnreachable.causedBy(catchSql(() -> statement.execute("select 1")))).isTrue();
        }
    }

    /** A server on a free port that accepts each connection and closes it at once, or resets it. */
    private static ServerSocket answering(boolean reset) throws Exception {
        ServerSocket server = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    if (reset) {
                        client.setSoLinger(true, 0);
                    }
                } catch (Exception closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private static Pool pool(int port) {
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
                .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(port)
                        .setUser("postgres").setDatabase("postgres").setConnectTimeout(2_000))
                .using(vertx).build();
    }

    private static Throwable reactiveFailure(int port, String sql) throws Exception {
        Pool pool = pool(port);
        try {
            return failureOf(pool.query(sql).execute().toCompletionStage().toCompletableFuture());
        } finally {
            pool.close();
        }
    }

    private static Throwable failureOf(CompletableFuture<?> statement) throws Exception {
        try {
            statement.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            return failed.getCause();
        }
        throw new AssertionError("the statement did not fail");
    }

    private static SQLException jdbcConnectFailure(int port) {
        return catchSql(() -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=2&socketTimeout=5", "postgres", "").close());
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static SQLException catchSql(SqlAction action) {
        try {
            action.run();
        } catch (SQLException failed) {
            return failed;
        }
        throw new AssertionError("no SQLException");
    }

    /** As an administrator (or a fail-over) would: pg_terminate_backend on the session running the statement. */
    private static void terminateWhenRunning(String sql) {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + PG + "/postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            for (int attempt = 0; attempt < 100; attempt++) {
                var terminated = statement.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                        + "where query = '" + sql + "' and state = 'active' and pid <> pg_backend_pid()");
                terminated.next();
                if (terminated.getInt(1) > 0) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the statement never ran: " + sql);
        } catch (SQLException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
