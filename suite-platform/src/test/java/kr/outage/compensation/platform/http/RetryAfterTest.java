package kr.outage.compensation.platform.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Retry-After as each store documents it: Apple an epoch in milliseconds, Google and HTTP seconds or a date. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");

    @Test
    void applesEpochMillisecondsAreAnInstantNotAWait() {
        long inTwoSeconds = NOW.plusSeconds(2).toEpochMilli();
        assertThat(RetryAfter.fromApple(Long.toString(inTwoSeconds), NOW)).contains(Duration.ofSeconds(2));
        // already past: try again now
        assertThat(RetryAfter.fromApple(Long.toString(NOW.minusSeconds(5).toEpochMilli()), NOW)).contains(Duration.ZERO);
    }

    @Test
    void aWaitInSecondsAndAnHttpDateAreStillUnderstood() {
        assertThat(RetryAfter.fromApple("3", NOW)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.fromHttp("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.fromHttp("Mon, 07 Dec 2026 06:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.fromApple("Mon, 07 Dec 2026 06:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void anAbsurdWaitIsCutToTheLongest() {
        // Apple's milliseconds read by a client that thinks in seconds, or a date years ahead
        assertThat(RetryAfter.fromHttp(Long.toString(NOW.toEpochMilli()), NOW)).contains(RetryAfter.LONGEST);
        assertThat(RetryAfter.fromApple(Long.toString(NOW.plus(Duration.ofDays(400)).toEpochMilli()), NOW)).contains(RetryAfter.LONGEST);
        assertThat(RetryAfter.fromApple(Long.toString(Long.MAX_VALUE), NOW)).contains(RetryAfter.LONGEST);
        assertThat(RetryAfter.fromHttp("Fri, 07 Dec 2040 06:00:00 GMT", NOW)).contains(RetryAfter.LONGEST);
    }

    @Test
    void nothingUsableLeavesTheCallersDefault() {
        for (String header : new String[]{null, "", " ", "-1", "soon", "1.5", "99999999999999999999999"}) {
            assertThat(RetryAfter.fromApple(header, NOW)).as(String.valueOf(header)).isEmpty();
            assertThat(RetryAfter.fromHttp(header, NOW)).as(String.valueOf(header)).isEmpty();
        }
    }
}
