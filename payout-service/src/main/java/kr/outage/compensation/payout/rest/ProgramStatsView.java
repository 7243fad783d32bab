package kr.outage.compensation.payout.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The published figures of a program: how many claims, of which kinds, in which states, and the
 * money assessed, approved and paid. No business is identifiable from them.
 */
public record ProgramStatsView(UUID programId, Instant asOf, long claims, Map<String, Long> byState,
                               Map<String, Long> byCategory, Map<String, Long> byService, Map<String, Long> byTier,
                               Amounts amounts, Payments payments, List<Day> intakePerDay) {

    /**
     * Transfers: {@code failedTransfers} items the bank refused, {@code accountsCorrected} bank accounts
     * corrected after a failure, {@code awaitingCorrection} claims in payment_failed now.
     */
    public record Payments(long failedTransfers, long accountsCorrected, long awaitingCorrection) {
    }

    /** Whole won. {@code paid} is read from the ledger's paid account. */
    public record Amounts(long reported, long assessed, long approved, long paid) {
    }

    /** Claims filed per day, days in the program's time zone. */
    public record Day(LocalDate date, long claims) {
    }
}
