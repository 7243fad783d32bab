package kr.outage.compensation.payout.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The published figures of a program: how many claims, of which kinds, in which states, and the
 * money assessed, approved and paid. No business is identifiable from them.
 */
@Schema(name = "ProgramStatsView")
public record ProgramStatistics(UUID programId, Instant asOf, long claims, Map<String, Long> byState,
                               Map<String, Long> byCategory, Map<String, Long> byService, Map<String, Long> byTier,
                               Amounts amounts, Budget budget, Payments payments, Objections objections,
                               List<Day> intakePerDay) {

    /**
     * The program's budget (null when none was set), what approvals have committed of it (read from
     * the ledger), what has been paid, what remains (null without a budget), and how many claims
     * approved by rule wait for budget.
     */
    public record Budget(@Schema(nullable = true) Long budget, long committed, long paid,
                         @Schema(nullable = true) Long remaining, long claimsAwaitingBudget) {
    }

    /**
     * Transfers: {@code failedTransfers} items the bank refused, of which {@code permanentFailures} for
     * the account (closed, unknown, another holder...) and {@code transientFailures} for a passing reason
     * (bank unavailable, timeout, daily limit); {@code returnedTransfers} paid and then sent back;
     * {@code accountsCorrected} bank accounts corrected after a failure, {@code awaitingCorrection} claims
     * in payment_failed now.
     */
    public record Payments(long failedTransfers, long accountsCorrected, long awaitingCorrection,
                           long permanentFailures, long transientFailures, long returnedTransfers) {
    }

    /**
     * Objections to decisions: {@code filed} in all, {@code open} still to answer, answered with the
     * decision upheld or amended, and {@code additionalAmount} the amendments added, in won.
     */
    public record Objections(long filed, long open, long decisionUpheld, long amended, long additionalAmount) {
    }

    /** Whole won. {@code paid} is read from the ledger's paid account. */
    public record Amounts(long reported, long assessed, long approved, long paid) {
    }

    /** Claims filed per day, days in the program's time zone. */
    public record Day(LocalDate date, long claims) {
    }
}
