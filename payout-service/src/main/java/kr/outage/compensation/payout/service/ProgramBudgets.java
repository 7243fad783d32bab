package kr.outage.compensation.payout.service;

import kr.outage.compensation.platform.problem.GeneralProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import kr.outage.compensation.payout.persistence.ProgramBudgetEntity;
import kr.outage.compensation.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Raising a program's budget, and admitting the claims that waited for it: claims approved by rule
 * while the budget was committed wait in awaiting_budget, and are approved in the order they were
 * filed, as far as the new budget goes (strictly in order: a claim that does not fit stops the
 * queue, so no later claim overtakes an earlier one). One transaction, under the budget's row lock,
 * so intake and committee approvals wait for it and then see the new figure.
 */
@ApplicationScoped
public class ProgramBudgets {

    @Inject
    Clock clock;

    /** The budget after the change and how many waiting claims it admitted. */
    public record Raised(long budget, long committed, long admitted) {
    }

    @WithTransaction
    public Uni<Raised> raise(UUID programId, long budget, String principal) {
        Instant now = clock.instant();
        return ProgramBudgetEntity.<ProgramBudgetEntity>findById(programId, LockModeType.PESSIMISTIC_WRITE).chain(row -> {
            if (row == null) {
                throw ProblemException.notFound("No program " + programId);
            }
            return committedByLedger(row).chain(() -> setBudget(row, budget, principal, now, programId));
        });
    }

    /** A program without a budget did not keep committed up to date (nothing limited it): the ledger did. */
    private Uni<Void> committedByLedger(ProgramBudgetEntity row) {
        if (row.budget != null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("select cast(coalesce(-sum(amount), 0) as bigint) "
                        + "from ledger_entry where program_id = ?1 and account = 'program_budget'", Long.class)
                .setParameter(1, row.programId).getSingleResult())
                .invoke(committed -> row.committed = committed).replaceWithVoid();
    }

    private Uni<Raised> setBudget(ProgramBudgetEntity row, long budget, String principal, Instant now, UUID programId) {
        if (budget < row.committed) {
            throw new ProblemException(GeneralProblem.CONFLICT, String.format("Approvals have committed %,d KRW already; "
                    + "the budget cannot be lower", row.committed), null, Map.of("committed", row.committed));
        }
        Long before = row.budget;
        row.budget = budget;
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery("""
                        with room as (select budget - committed as r from program_budget where program_id = ?1),
                        waiting as (
                            select id, sum(support_amount) over (order by filed_at, id) as cum
                            from claim where program_id = ?1 and state = 'awaiting_budget'),
                        admitted as (
                            update claim c set state = 'approved', approved_amount = c.support_amount,
                                approved_by = 'rule:tier-' || c.tier, approved_at = ?2
                            from waiting w, room where c.id = w.id and w.cum <= room.r
                            returning c.id, c.approved_amount),
                        used as (
                            update program_budget set committed = committed + (select coalesce(sum(approved_amount), 0) from admitted)
                            where program_id = ?1),
                        txns as (select id, approved_amount, gen_random_uuid() as t from admitted),
                        booked as (
                            insert into ledger_entry (txn_id, program_id, claim_id, account, amount, memo, booked_at)
                            select x.t, ?1, x.id, e.n, e.s * x.approved_amount, 'claim approved', ?2
                            from txns x cross join (values ('program_budget', -1), ('payable', 1)) e(n, s)),
                        decided as (
                            insert into claim_decision (id, claim_id, decision, from_state, to_state, amount, reason, principal, decided_at)
                            select gen_random_uuid(), id, 'approved_within_budget', 'awaiting_budget', 'approved', approved_amount,
                                'the program budget was raised', ?3, ?2 from admitted),
                        audited as (
                            insert into payout_audit (id, occurred_at, principal, action, subject_type, subject_id, detail)
                            select nextval('payout_audit_seq'), ?2, ?3, 'BUDGET_RAISED', 'program', ?6,
                                jsonb_build_object('before', cast(?4 as bigint), 'after', cast(?5 as bigint),
                                    'admitted', (select count(*) from admitted)))
                        select cast(count(*) as bigint) from admitted""", Long.class)
                .setParameter(1, programId).setParameter(2, now).setParameter(3, principal)
                .setParameter(4, before).setParameter(5, budget).setParameter(6, programId.toString()).getSingleResult())
                .chain(admitted -> session.refresh(row).replaceWith(() -> new Raised(row.budget, row.committed, admitted))));
    }
}
