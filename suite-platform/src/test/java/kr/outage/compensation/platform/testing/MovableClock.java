package kr.outage.compensation.platform.testing;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A service's clock in tests, so deadlines, intake windows and validity ends can be tested to the
 * second. A service's tests opt in with {@code %test.suite.test-clock.start} (the moment the clock
 * starts at and returns to on {@link #reset()}); without it the service keeps the real clock.
 */
public class MovableClock extends Clock {

    public static final MovableClock INSTANCE = new MovableClock();

    private volatile Instant now;

    public void set(Instant instant) {
        now = instant;
    }

    public void reset() {
        now = start();
    }

    /** Where the service's tests start: {@code suite.test-clock.start}. */
    public static Instant start() {
        return Instant.parse(ConfigProvider.getConfig().getValue("suite.test-clock.start", String.class));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant current = now;
        if (current == null) {
            reset();
            current = now;
        }
        return current;
    }

    @ApplicationScoped
    @IfBuildProperty(name = "suite.test-clock.enabled", stringValue = "true")
    public static class Producer {

        @Produces
        @Alternative
        @Priority(10)
        @ApplicationScoped
        Clock clock() {
            return INSTANCE;
        }
    }
}
