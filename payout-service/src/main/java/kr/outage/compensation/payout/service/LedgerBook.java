package kr.outage.compensation.payout.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.UUID;

/**
 * Books money movements as balanced transactions in the current database transaction, so a claim
 * never changes state without its money moving with it. Amounts are signed whole won: a
 * transaction's entries always sum to zero.
 */
@ApplicationScoped
public class LedgerBook {

    public static final String BUDGET = "program_budget";
    public static final String PAYABLE = "payable";

    @Inject
    Clock clock;

    /**
     * An approval, if the program's budget still has room for it: adds the amount to what the budget
     * has committed (only while it fits; the row lock orders concurrent approvals and the condition is
     * re-checked on the row the previous one left) and books it. False, with nothing changed, when it
     * does not fit.
     */
    public Uni<Boolean> approveWithinBudget(UUID programId, UUID claimId, long amount) {
        return approveWithinBudget(programId, claimId, amount, "claim approved");
    }

    /** {@link #approveWithinBudget(UUID, UUID, long)} with the entries' memo (an objection's additional amount). */
    public Uni<Boolean> approveWithinBudget(UUID programId, UUID claimId, long amount, String memo) {
        // a program without a budget (budget null) is not limited: its row is not touched, so its
        // approvals do not queue on it; committed is recomputed from the ledger when a budget is set
        return Panache.getSession().chain(session -> session.createNativeQuery("update program_budget "
                        + "set committed = committed + ?1 where program_id = ?2 and budget is not null and committed + ?1 <= budget")
                .setParameter(1, amount).setParameter(2, programId).executeUpdate()
                .chain(updated -> updated == 1 ? Uni.createFrom().item(true) : session.createNativeQuery(
                                "select cast(count(*) as bigint) from program_budget where program_id = ?1 and budget is null", Long.class)
                        .setParameter(1, programId).getSingleResult().map(unlimited -> unlimited > 0)))
                .chain(fits -> fits ? approved(programId, claimId, amount, memo).replaceWith(true) : Uni.createFrom().item(false));
    }

    /** An approved claim: the program's budget now owes the business. */
    private Uni<Void> approved(UUID programId, UUID claimId, long amount, String memo) {
        // flush first: the entries reference the claim, which may have been persisted in this transaction
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(
                        "insert into ledger_entry (txn_id, program_id, claim_id, account, amount, memo, booked_at) "
                                + "select t, ?1, ?2, a, v, ?5, ?4 from (select gen_random_uuid() t) txn, "
                                + "(values ('" + BUDGET + "', -cast(?3 as bigint)), ('" + PAYABLE + "', cast(?3 as bigint))) e(a, v)")
                .setParameter(1, programId).setParameter(2, claimId).setParameter(3, amount).setParameter(4, clock.instant())
                .setParameter(5, memo).executeUpdate()))
                .replaceWithVoid();
    }
}
