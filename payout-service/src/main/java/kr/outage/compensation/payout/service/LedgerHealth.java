package kr.outage.compensation.payout.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two facts an on-call engineer is paged on, read from the database on a timer and exported as
 * gauges (so every replica reports the same, and a scrape never waits on a query):
 * <ul>
 *   <li>{@code payout_ledger_unbalanced_krw}: the sum, over ledger transactions whose entries do not
 *       add up to zero, of how far off each is. Every booking is balanced by construction; anything
 *       but 0 means the books are wrong and payments must stop until someone looks.</li>
 *   <li>{@code payout_batches_open_oldest_seconds}: the age of the oldest payout batch still waiting
 *       for the bank's results (0 when none is open).</li>
 * </ul>
 * A failed read leaves the last values and is logged; {@code payout_ledger_checks_failed} counts them.
 */
@ApplicationScoped
public class LedgerHealth {

    private static final Logger LOG = Logger.getLogger(LedgerHealth.class);

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "payout.ledger-check.interval", defaultValue = "PT60S")
    Duration interval;

    private final AtomicLong unbalancedKrw = new AtomicLong();
    private final AtomicLong oldestOpenBatchSeconds = new AtomicLong();
    private final AtomicLong failedChecks = new AtomicLong();
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        Gauge.builder("payout.ledger.unbalanced.krw", unbalancedKrw, AtomicLong::get)
                .description("How far ledger transactions that do not add up to zero are off, in won (must be 0)")
                .register(registry);
        Gauge.builder("payout.batches.open.oldest.seconds", oldestOpenBatchSeconds, AtomicLong::get)
                .description("Age of the oldest payout batch still waiting for the bank's results").register(registry);
        Gauge.builder("payout.ledger.checks.failed", failedChecks, AtomicLong::get)
                .description("Ledger checks that could not read the database since start").register(registry);
        check();
        timer = vertx.setPeriodic(interval.toMillis(), id -> check());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void check() {
        pool.query("select (select coalesce(sum(abs(off)), 0) from (select sum(amount) as off from ledger_entry "
                        + "group by txn_id having sum(amount) <> 0) t), "
                        + "(select coalesce(extract(epoch from now() - min(created_at))::bigint, 0) from payout_batch "
                        + "where state = 'open')")
                .execute()
                .subscribe().with(rows -> {
                    Row row = rows.iterator().next();
                    unbalancedKrw.set(row.getLong(0));
                    oldestOpenBatchSeconds.set(row.getLong(1));
                }, failure -> {
                    failedChecks.incrementAndGet();
                    LOG.warnf("Ledger check could not read the database: %s", failure.getMessage());
                });
    }
}
