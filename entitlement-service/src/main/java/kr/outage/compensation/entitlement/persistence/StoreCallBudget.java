package kr.outage.compensation.entitlement.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.store.CallBudget;
import kr.outage.compensation.entitlement.store.StoreEndpoint;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The stores' rate limits held in PostgreSQL, one row per endpoint (store_call_budget): each call takes
 * the next free slot in one statement, {@code 1 / rate} after the one before, whichever replica makes
 * it, and sleeps until then; a 429 moves the next slot past its Retry-After for everyone. The database's
 * clock is the one all replicas share. A call is one short autocommit statement, a few dozen a second
 * at the stores' rates.
 */
@ApplicationScoped
public class StoreCallBudget implements CallBudget {

    @Inject
    DataSource dataSource;
    @Inject
    org.eclipse.microprofile.config.Config config;
    /** Apple's sandbox allows a tenth of production's rates. */
    @ConfigProperty(name = "entitlement.stores.apple.environment", defaultValue = "Production")
    String appleEnvironment;

    /** Calls per second per endpoint for the whole deployment (all replicas together): entitlement.stores.limits.<key>. */
    private final Map<StoreEndpoint, Double> rates = new EnumMap<>(StoreEndpoint.class);

    public StoreCallBudget() {
    }

    /** A budget of its own over {@code dataSource}: what another replica is to this one (tests). */
    StoreCallBudget(DataSource dataSource, Map<StoreEndpoint, Double> rates) {
        this.dataSource = dataSource;
        this.rates.putAll(rates);
    }

    @PostConstruct
    void readLimits() {
        for (StoreEndpoint endpoint : StoreEndpoint.values()) {
            double configured = config.getOptionalValue("entitlement.stores.limits." + endpoint.key(), Double.class).orElse(0.0);
            if (!(configured > 0)) {
                throw new IllegalStateException("entitlement.stores.limits." + endpoint.key() + " must be a positive number");
            }
            boolean sandbox = endpoint.name().startsWith("APPLE") && "Sandbox".equalsIgnoreCase(appleEnvironment);
            rates.put(endpoint, sandbox ? configured / 10 : configured);
        }
    }

    @Override
    public void acquire(StoreEndpoint endpoint) throws InterruptedException {
        long intervalMicros = Math.max(1, Math.round(1_000_000 / rate(endpoint)));
        long waitMicros;
        try (Connection c = dataSource.getConnection();
             PreparedStatement take = c.prepareStatement("""
                     insert into store_call_budget as b (endpoint, next_slot) values (?, clock_timestamp() + make_interval(secs => ?))
                     on conflict (endpoint) do update set next_slot = greatest(b.next_slot, clock_timestamp()) + make_interval(secs => ?)
                     returning (extract(epoch from b.next_slot - clock_timestamp()) * 1000000)::bigint - ?""")) {
            double seconds = intervalMicros / 1_000_000.0;
            take.setString(1, endpoint.key());
            take.setDouble(2, seconds);
            take.setDouble(3, seconds);
            take.setLong(4, intervalMicros);
            try (ResultSet rs = take.executeQuery()) {
                rs.next();
                waitMicros = rs.getLong(1);
            }
        } catch (SQLException e) {
            // without the shared budget a call could break the store's limit: the caller retries later
            throw new IllegalStateException("store call budget unavailable: " + e.getMessage(), e);
        }
        if (waitMicros > 0) {
            Thread.sleep(waitMicros / 1000, (int) (waitMicros % 1000) * 1000);
        }
    }

    @Override
    public void pause(StoreEndpoint endpoint, Duration after) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement pause = c.prepareStatement("""
                     insert into store_call_budget as b (endpoint, next_slot) values (?, clock_timestamp() + make_interval(secs => ?))
                     on conflict (endpoint) do update set next_slot = greatest(b.next_slot, excluded.next_slot)""")) {
            pause.setString(1, endpoint.key());
            pause.setDouble(2, after.toMillis() / 1000.0);
            pause.executeUpdate();
        } catch (SQLException e) {
            // the caller waits its own Retry-After anyway; the other replicas find out by their own 429
        }
    }

    /** Calls per second allowed to {@code endpoint}, Apple's scaled for its sandbox. */
    double rate(StoreEndpoint endpoint) {
        return rates.get(endpoint);
    }
}
