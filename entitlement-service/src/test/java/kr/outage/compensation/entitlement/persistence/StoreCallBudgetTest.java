package kr.outage.compensation.entitlement.persistence;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.store.StoreEndpoint;
import kr.outage.compensation.entitlement.support.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stores' limits are per app: three replicas calling one endpoint together keep to its rate, and
 * a 429 one replica met holds the others back too. Each "replica" here is a budget of its own over the
 * same database, sharing nothing in memory. The checks are lower bounds on elapsed time (calls can only
 * be later than their turn on a busy machine, never earlier), so they hold however loaded it is.
 */
@QuarkusTest
class StoreCallBudgetTest {

    static final double RATE = 20;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void freshBudget() {
        Database.execute("delete from store_call_budget");
    }

    @Test
    void threeReplicasTogetherKeepToTheStoresRate() throws Exception {
        List<StoreCallBudget> replicas = List.of(replica(), replica(), replica());
        int callsPerThread = 10;
        ExecutorService threads = Executors.newFixedThreadPool(6);
        long start = System.nanoTime();
        List<Future<?>> calls = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            StoreCallBudget replica = replicas.get(t % 3);
            calls.add(threads.submit(() -> {
                for (int i = 0; i < callsPerThread; i++) {
                    replica.acquire(StoreEndpoint.GOOGLE);
                }
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        threads.shutdown();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        // 60 calls at 20/s: the 60th no earlier than 59 intervals after the first (each replica alone
        // at 20/s would have been done in a third of that)
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(Math.round(59 / RATE * 1000) - 50));
    }

    @Test
    void aRateLimitAnswerHoldsBackEveryReplica() throws Exception {
        StoreCallBudget one = replica();
        StoreCallBudget other = replica();
        one.acquire(StoreEndpoint.APPLE_EXTEND);
        one.pause(StoreEndpoint.APPLE_EXTEND, Duration.ofMillis(1500));
        long start = System.nanoTime();
        other.acquire(StoreEndpoint.APPLE_EXTEND);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        // another endpoint of the same store has a budget of its own
        long history = System.nanoTime();
        other.acquire(StoreEndpoint.APPLE_NOTIFICATION_HISTORY);
        assertThat(Database.count("select count(*) from store_call_budget")).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - history)).isLessThan(Duration.ofMillis(1400));
    }

    private StoreCallBudget replica() {
        return new StoreCallBudget(dataSource, Map.of(StoreEndpoint.GOOGLE, RATE, StoreEndpoint.APPLE_EXTEND, RATE,
                StoreEndpoint.APPLE_NOTIFICATION_HISTORY, 50.0));
    }
}
