package kr.outage.compensation.platform.http;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A {@code Retry-After} header, read as each store (and the messaging provider, as HTTP defines it) writes it.
 *
 * <ul>
 *   <li><b>Apple</b> ("Identifying rate limits", App Store Server API): the header of a 429 "contains a
 *   UNIX time, in milliseconds" at which to try again. Read as seconds, as it once was here, that is a
 *   wait of about 54,000 years: no extension, no fallback, a run that never completes. A small number
 *   (a wait in seconds) and an HTTP date are understood too.</li>
 *   <li><b>Google</b> and HTTP in general (RFC 9110, 10.2.3): a number of seconds, or an HTTP date.</li>
 * </ul>
 *
 * Whatever a store says, a wait longer than {@link #LONGEST} is cut to it and reported in the log: a
 * store request must not be parked beyond any run's life by one header.
 */
public final class RetryAfter {

    private static final Logger LOG = Logger.getLogger(RetryAfter.class);
    static final Duration LONGEST = Duration.ofHours(1);
    /** 10^11 ms is March 1973: any epoch in milliseconds of this century is larger, any wait in seconds smaller. */
    private static final long EPOCH_MILLIS_FROM = 100_000_000_000L;

    private RetryAfter() {
    }

    /** Apple's header: an instant in epoch milliseconds (or a wait in seconds, or an HTTP date). */
    public static Optional<Duration> fromApple(String header, Instant now) {
        return read(header, now, true);
    }

    /** Google's header, as HTTP defines it: a wait in seconds or an HTTP date. */
    public static Optional<Duration> fromHttp(String header, Instant now) {
        return read(header, now, false);
    }

    private static Optional<Duration> read(String header, Instant now, boolean epochMillis) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        Duration wait;
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                return Optional.empty();
            }
            wait = epochMillis && n >= EPOCH_MILLIS_FROM
                    ? Duration.ofMillis(Math.max(0, n - now.toEpochMilli()))
                    : Duration.ofSeconds(n);
        } catch (NumberFormatException notANumber) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            } catch (ArithmeticException huge) {
                wait = LONGEST.plusSeconds(1);
            }
        } catch (ArithmeticException huge) {
            wait = LONGEST.plusSeconds(1);
        }
        if (wait.compareTo(LONGEST) > 0) {
            LOG.warnf("A store asked to wait %s (Retry-After: %s); waiting %s instead", wait, value, LONGEST);
            return Optional.of(LONGEST);
        }
        return Optional.of(wait);
    }
}
