package kr.outage.compensation.payout.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The days on which claims are accepted, both inclusive, in the program's time zone: 2022-10-19 to
 * 2022-11-06 in Asia/Seoul accepts 2022-11-06T23:59:59+09:00 and refuses 2022-11-07T00:00:00+09:00,
 * whatever the zone of the server.
 */
public record IntakeWindow(LocalDate opensOn, LocalDate closesOn, ZoneId zone) {

    public Instant opensAt() {
        return opensOn.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the window. */
    public Instant closesAt() {
        return closesOn.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean isOpenAt(Instant at) {
        return !at.isBefore(opensAt()) && at.isBefore(closesAt());
    }
}
