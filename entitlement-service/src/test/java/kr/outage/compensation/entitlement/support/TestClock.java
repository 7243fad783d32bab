package kr.outage.compensation.entitlement.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests, so claim deadlines and validity periods can be tested to the second.
 * Defaults to a moment just after the 2022 fire; tests set it as needed.
 */
public class TestClock extends Clock {

    /** The day after the fire, when the compensations were announced and applied. */
    public static final Instant INSIDE_2022_INTAKE = Instant.parse("2022-10-21T03:00:00Z");
    public static final TestClock INSTANCE = new TestClock();

    private volatile Instant now = INSIDE_2022_INTAKE;

    public void set(Instant instant) {
        now = instant;
    }

    public void reset() {
        now = INSIDE_2022_INTAKE;
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
        return now;
    }

    @ApplicationScoped
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
