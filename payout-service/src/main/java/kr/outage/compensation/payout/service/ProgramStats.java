package kr.outage.compensation.payout.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.persistence.ProgramEntity;
import kr.outage.compensation.platform.problem.ProblemException;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Computes the published figures with a handful of GROUP BY queries. */
@ApplicationScoped
public class ProgramStats {

    @Inject
    Clock clock;

    @WithSession
    public Uni<ProgramStatistics> of(UUID programId) {
        return ProgramEntity.<ProgramEntity>findById(programId).chain(program -> {
            if (program == null) {
                throw ProblemException.notFound("No program " + programId);
            }
            return Panache.getSession().chain(s -> counts(s, "state", programId)
                    .chain(byState -> counts(s, "category", programId)
                            .chain(byCategory -> counts(s, "service", programId)
                                    .chain(byService -> counts(s, "coalesce(cast(tier as varchar), 'committee')", programId)
                                            .chain(byTier -> amounts(s, programId)
                                                    .chain(amounts -> budget(s, programId, amounts.paid())
                                                    .chain(budget -> payments(s, programId)
                                                    .chain(payments -> objections(s, programId)
                                                    .chain(objections -> perDay(s, programId, program.intakeZone)
                                                            .map(days -> new ProgramStatistics(programId, clock.instant(),
                                                                    byState.values().stream().mapToLong(Long::longValue).sum(),
                                                                    byState, byCategory, byService, byTier, amounts, budget,
                                                                    payments, objections, days)))))))))));
        });
    }

    private static Uni<Map<String, Long>> counts(Mutiny.Session session, String dimension, UUID programId) {
        return session.createNativeQuery("select " + dimension + ", cast(count(*) as bigint) from claim where program_id = ?1 group by 1",
                        Object[].class)
                .setParameter(1, programId).getResultList()
                .map(rows -> {
                    Map<String, Long> counts = new TreeMap<>();
                    rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
                    return counts;
                });
    }

    private static Uni<ProgramStatistics.Amounts> amounts(Mutiny.Session session, UUID programId) {
        return session.createNativeQuery("""
                        select cast(coalesce(sum(reported_loss), 0) as bigint),
                               cast(coalesce(sum(assessed_loss), 0) as bigint),
                               cast(coalesce(sum(approved_amount) filter (where state in ('approved', 'in_payment', 'paid')), 0) as bigint),
                               (select cast(coalesce(sum(amount), 0) as bigint) from ledger_entry where program_id = ?1 and account = 'paid')
                        from claim where program_id = ?1""", Object[].class)
                .setParameter(1, programId).getSingleResult()
                .map(r -> new ProgramStatistics.Amounts(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue()));
    }

    private static Uni<ProgramStatistics.Budget> budget(Mutiny.Session session, UUID programId, long paid) {
        return session.createNativeQuery("""
                        select (select budget from program_budget where program_id = ?1),
                               (select cast(coalesce(-sum(amount), 0) as bigint) from ledger_entry
                                where program_id = ?1 and account = 'program_budget'),
                               (select cast(count(*) as bigint) from claim where program_id = ?1 and state = 'awaiting_budget')""",
                        Object[].class)
                .setParameter(1, programId).getSingleResult()
                .map(r -> {
                    Long budget = r[0] == null ? null : ((Number) r[0]).longValue();
                    long committed = ((Number) r[1]).longValue();
                    return new ProgramStatistics.Budget(budget, committed, paid, budget == null ? null : budget - committed,
                            ((Number) r[2]).longValue());
                });
    }

    private static Uni<ProgramStatistics.Payments> payments(Mutiny.Session session, UUID programId) {
        return session.createNativeQuery("""
                        select (select cast(count(*) as bigint) from payout_item i join payout_batch b on b.id = i.batch_id
                                where b.program_id = ?1 and i.state = 'failed'),
                               (select cast(count(*) as bigint) from bank_account_change x join claim c on c.id = x.claim_id
                                where c.program_id = ?1 and x.after_failures > 0),
                               (select cast(count(*) as bigint) from claim where program_id = ?1 and state = 'payment_failed'),
                               (select cast(count(*) as bigint) from payout_item i join payout_batch b on b.id = i.batch_id
                                where b.program_id = ?1 and i.state = 'failed' and i.failure_class = 'permanent'),
                               (select cast(count(*) as bigint) from payout_item i join payout_batch b on b.id = i.batch_id
                                where b.program_id = ?1 and i.state = 'failed' and i.failure_class = 'transient'),
                               (select cast(count(*) as bigint) from payout_item i join payout_batch b on b.id = i.batch_id
                                where b.program_id = ?1 and i.state = 'returned')""",
                        Object[].class)
                .setParameter(1, programId).getSingleResult()
                .map(r -> new ProgramStatistics.Payments(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                        ((Number) r[5]).longValue()));
    }

    private static Uni<ProgramStatistics.Objections> objections(Mutiny.Session session, UUID programId) {
        return session.createNativeQuery("""
                        select cast(count(*) as bigint),
                               cast(count(*) filter (where o.state <> 'decided') as bigint),
                               cast(count(*) filter (where o.outcome = 'decision_upheld') as bigint),
                               cast(count(*) filter (where o.outcome = 'amended') as bigint),
                               cast(coalesce(sum(o.outcome_amount - o.amount_before) filter (where o.outcome = 'amended'), 0) as bigint)
                        from claim_objection o join claim c on c.id = o.claim_id where c.program_id = ?1""", Object[].class)
                .setParameter(1, programId).getSingleResult()
                .map(r -> new ProgramStatistics.Objections(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue()));
    }

    private static Uni<List<ProgramStatistics.Day>> perDay(Mutiny.Session session, UUID programId, String zone) {
        return session.createNativeQuery("""
                        select cast(cast(filed_at at time zone ?2 as date) as varchar), cast(count(*) as bigint)
                        from claim where program_id = ?1 group by 1 order by 1""", Object[].class)
                .setParameter(1, programId).setParameter(2, zone).getResultList()
                .map(rows -> rows.stream().map(r -> new ProgramStatistics.Day(LocalDate.parse((String) r[0]),
                        ((Number) r[1]).longValue())).toList());
    }
}
