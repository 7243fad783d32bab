package kr.outage.compensation.entitlement.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A claim deadline is the last second in which claims are accepted, the way announcements say it
 * ("until 2023-01-20", given as 23:59:59): the whole of that second counts, so a claim at
 * 23:59:59.999 is in and one at 00:00:00.000 of the next day is out. payout-service's intake window
 * (whole Korean days) draws its last line at the same instant.
 */
public final class ClaimDeadline {

    public static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    private ClaimDeadline() {
    }

    /** The first instant at which claims are refused. */
    public static Instant closesAt(Instant deadline) {
        return deadline.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }
}
