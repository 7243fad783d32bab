package kr.outage.compensation.platform.problem;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are "the database cannot be reached" (503, try again) and which stay bugs (500). */
class DatabaseUnreachableTest {

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
}
