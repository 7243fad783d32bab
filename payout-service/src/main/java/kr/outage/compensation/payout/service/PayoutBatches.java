package kr.outage.compensation.payout.service;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import kr.outage.compensation.payout.domain.BusinessRegistrationNumber;
import kr.outage.compensation.payout.persistence.IdempotencyRecords;
import kr.outage.compensation.payout.persistence.PayoutBatchEntity;
import kr.outage.compensation.payout.persistence.ProgramEntity;
import kr.outage.compensation.payout.problem.ProblemType;
import kr.outage.compensation.payout.security.AccountVault;
import kr.outage.compensation.platform.json.JsonDocuments;
import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Payout batches: every approved, unpaid claim of a program is taken into exactly one batch.
 *
 * <p>Exactly once holds under concurrency because taking a claim is one UPDATE whose WHERE clause
 * re-checks {@code state = 'approved' and payout_batch_id is null}: a second batch started at the
 * same moment waits on the first one's row locks and then finds the claims taken. A partial unique
 * index also refuses a second paid item for a claim. Settlement books payable → paid for paid items;
 * a failed item puts its claim in payment_failed with the bank's reason, out of every later batch
 * until its bank account is corrected ({@link BankAccountCorrections}). The money stays payable.
 */
@ApplicationScoped
public class PayoutBatches {

    static final String SCOPE = "payout-batch";

    @Inject
    IdempotencyRecords idempotency;
    @Inject
    JsonDocuments json;
    @Inject
    Clock clock;
    @Inject
    Tracer tracer;
    @Inject
    AccountVault vault;
    /** Transient failures in a row a claim is retried after, on the same account, before it needs a new one. */
    @ConfigProperty(name = "payout.payments.transient-retries")
    int transientRetries;

    @WithTransaction
    public Uni<IdempotencyRecords.StoredResponse> create(UUID programId, String key, String principal) {
        String requestHash = IdempotencyRecords.fingerprint(SCOPE, programId.toString());
        Span span = tracer.spanBuilder("payout-batch create").setAttribute("payout.program.id", programId.toString()).startSpan();
        return traced(span, createTraced(programId, key, requestHash, principal, span));
    }

    private Uni<IdempotencyRecords.StoredResponse> createTraced(UUID programId, String key, String requestHash, String principal,
                                                               Span span) {
        return ProgramEntity.<ProgramEntity>findById(programId).chain(program -> {
            if (program == null) {
                throw ProblemException.notFound("No program " + programId);
            }
            return idempotency.replay(SCOPE, principal, key, requestHash);
        }).chain(replayed -> replayed.isPresent() ? Uni.createFrom().item(replayed.get())
                : idempotency.reserve(SCOPE, principal, key, requestHash).chain(reserved -> reserved
                ? take(programId, key, requestHash, principal, span)
                : idempotency.replay(SCOPE, principal, key, requestHash).map(Optional::orElseThrow)));
    }

    private Uni<IdempotencyRecords.StoredResponse> take(UUID programId, String key, String requestHash, String principal,
                                                        Span span) {
        PayoutBatchEntity batch = new PayoutBatchEntity();
        batch.id = UUID.randomUUID();
        batch.programId = programId;
        batch.state = "open";
        batch.createdAt = clock.instant();
        batch.createdBy = principal;
        return batch.persist().chain(() -> Panache.getSession()).chain(session -> session.flush()
                .chain(() -> session.createNativeQuery("""
                                with taken as (
                                    update claim c set state = 'in_payment', payout_batch_id = ?1
                                    where program_id = ?2 and state = 'approved' and payout_batch_id is null
                                        and approved_amount > paid_amount
                                    -- what is not paid yet: all of it, or what an objection added; part 2 once
                                    -- part 1 stands paid (each part is paid at most once)
                                    returning id, approved_amount - paid_amount as amount,
                                        case when exists (select 1 from payout_item p where p.claim_id = c.id
                                                          and p.part = 1 and p.state = 'paid') then 2 else 1 end as part)
                                insert into payout_item (batch_id, claim_id, amount, state, part)
                                select ?1, id, amount, 'pending', part from taken""")
                        .setParameter(1, batch.id).setParameter(2, programId).executeUpdate())
                .chain(count -> {
                    if (count == 0) {
                        throw new ProblemException(ProblemType.NOTHING_TO_PAY,
                                "Program " + programId + " has no approved, unpaid claims");
                    }
                    return session.createNativeQuery("select cast(coalesce(sum(amount), 0) as bigint) from payout_item where batch_id = ?1", Long.class)
                            .setParameter(1, batch.id).getSingleResult()
                            .invoke(total -> {
                                batch.itemCount = count;
                                batch.totalAmount = total;
                                span.setAttribute("payout.batch.id", batch.id.toString());
                                span.setAttribute("payout.batch.items", count);
                                span.setAttribute("payout.batch.amount_krw", total);
                            });
                }))
                .chain(() -> {
                    IdempotencyRecords.StoredResponse response = new IdempotencyRecords.StoredResponse(201,
                            "/api/v1/payout-batches/" + batch.id, json.write(Map.of("id", batch.id, "programId", programId,
                            "state", batch.state, "itemCount", batch.itemCount, "totalAmount", batch.totalAmount,
                            "createdAt", batch.createdAt.toString())));
                    return idempotency.complete(SCOPE, principal, key, response).replaceWith(response);
                });
    }

    /** Applies the bank's results; items already settled keep their first result. Returns the batch afterwards. */
    @WithTransaction
    public Uni<UUID> settle(UUID batchId, List<BankResult> results, String principal) {
        Span span = tracer.spanBuilder("payout-batch settle").setAttribute("payout.batch.id", batchId.toString())
                .setAttribute("payout.settlement.results", results.size()).startSpan();
        return traced(span, settleTraced(batchId, results, principal, span));
    }

    private Uni<UUID> settleTraced(UUID batchId, List<BankResult> results, String principal, Span span) {
        Instant now = clock.instant();
        String items = json.write(results.stream().map(i -> Map.of("claim_id", i.claimId().toString(),
                "result", i.result(), "bank_reference", i.bankReference() == null ? "" : i.bankReference(),
                "failure_reason", i.failureReason() == null ? "" : i.failureReason(),
                "result_code", i.paid() ? "" : i.failureCode().wireName(),
                "failure_class", i.paid() ? "" : i.failureCode().failureClass().wireName(),
                "default_reason", i.paid() ? "" : i.failureCode().description())).toList());
        return PayoutBatchEntity.<PayoutBatchEntity>findById(batchId, LockModeType.PESSIMISTIC_WRITE).chain(batch -> {
            if (batch == null) {
                throw ProblemException.notFound("No payout batch " + batchId);
            }
            return Panache.getSession().chain(session -> unknownItems(session, batchId, items)
                    // A transient failure (the bank could not pay today) sends the claim back to approved,
                    // for a later batch on the same account, until it has failed that way more than
                    // transientRetries times in a row; then, and for every permanent failure, the claim
                    // waits in payment_failed for a corrected account. Either way the money stays payable.
                    .chain(() -> session.createNativeQuery("""
                                    with results as (
                                        select * from jsonb_to_recordset(cast(cast(?1 as text) as jsonb))
                                            as r(claim_id uuid, result text, bank_reference text, failure_reason text,
                                                 result_code text, failure_class text, default_reason text)),
                                    settled as (
                                        update payout_item i set state = r.result, settled_at = ?3,
                                            bank_reference = nullif(r.bank_reference, ''), failure_reason = nullif(r.failure_reason, ''),
                                            result_code = nullif(r.result_code, ''), failure_class = nullif(r.failure_class, '')
                                        from results r
                                        where i.batch_id = ?2 and i.claim_id = r.claim_id and i.state = 'pending'
                                        returning i.claim_id, i.amount, i.state, i.bank_reference, i.failure_reason,
                                            i.result_code, i.failure_class, r.default_reason),
                                    paid_claims as (
                                        -- a claim whose amount an objection raised while this transfer was with
                                        -- the bank is owed the rest: approved again, for the next batch
                                        update claim c set state = case when c.paid_amount + s.amount < c.approved_amount
                                                                        then 'approved' else 'paid' end,
                                            payout_batch_id = case when c.paid_amount + s.amount < c.approved_amount
                                                                   then null else c.payout_batch_id end,
                                            paid_at = coalesce(c.paid_at, ?3), bank_reference = s.bank_reference,
                                            paid_amount = c.paid_amount + s.amount, transient_failures = 0
                                        from settled s where c.id = s.claim_id and s.state = 'paid'
                                        returning c.id, c.program_id, s.amount),
                                    failed_claims as (
                                        update claim c set
                                            state = case when s.failure_class = 'transient' and c.transient_failures < ?5
                                                         then 'approved' else 'payment_failed' end,
                                            payout_batch_id = null,
                                            transient_failures = c.transient_failures
                                                + case when s.failure_class = 'transient' then 1 else 0 end,
                                            payment_failures = c.payment_failures
                                                + case when s.failure_class = 'transient' and c.transient_failures < ?5 then 0 else 1 end,
                                            last_payment_failure = case when s.failure_class = 'transient' and c.transient_failures >= ?5
                                                then 'failed ' || (c.transient_failures + 1) || ' times in a row for a passing reason; last: '
                                                     || coalesce(s.failure_reason, s.default_reason)
                                                else coalesce(s.failure_reason, s.default_reason) end,
                                            last_payment_failure_code = s.result_code
                                        from settled s where c.id = s.claim_id and s.state = 'failed'
                                        returning c.id, c.state, c.last_payment_failure, s.result_code),
                                    failure_decisions as (
                                        insert into claim_decision (id, claim_id, decision, from_state, to_state, reason, principal, decided_at)
                                        select gen_random_uuid(), f.id,
                                            case when f.state = 'approved' then 'payment_deferred' else 'payment_failed' end,
                                            'in_payment', f.state, f.result_code || ': ' || f.last_payment_failure, ?4, ?3
                                        from failed_claims f),
                                    txns as (select id, program_id, amount, gen_random_uuid() as txn from paid_claims)
                                    insert into ledger_entry (txn_id, program_id, claim_id, batch_id, account, amount, memo, booked_at)
                                    select t.txn, t.program_id, t.id, ?2, e.account, e.sign * t.amount, 'transfer settled', ?3
                                    from txns t cross join (values ('payable', -1), ('paid', 1)) e(account, sign)""")
                            .setParameter(1, items).setParameter(2, batchId).setParameter(3, now).setParameter(4, principal)
                            .setParameter(5, transientRetries)
                            .executeUpdate())
                    .chain(() -> session.createNativeQuery(
                                    "select cast(count(*) as bigint) from payout_item where batch_id = ?1 and state = 'pending'", Long.class)
                            .setParameter(1, batchId).getSingleResult())
                    .invoke(pending -> {
                        span.setAttribute("payout.batch.pending_after", pending);
                        if (pending == 0 && batch.settledAt == null) {
                            batch.state = "settled";
                            batch.settledAt = now;
                        }
                    }))
                    .replaceWith(batchId);
        });
    }

    /**
     * Transfers the bank sent back after they were settled as paid: each reverses its "transfer
     * settled" entries (the money is owed again) and puts its claim in payment_failed, where it waits
     * for a corrected account like any refused transfer. Items already returned keep their first
     * return; an item that is not paid in this batch refuses the whole file, with nothing changed.
     */
    @WithTransaction
    public Uni<UUID> returned(UUID batchId, List<ReturnedTransfer> returns, String principal) {
        Span span = tracer.spanBuilder("payout-batch returns").setAttribute("payout.batch.id", batchId.toString())
                .setAttribute("payout.returns", returns.size()).startSpan();
        Instant now = clock.instant();
        String items = json.write(returns.stream().map(r -> Map.of("claim_id", r.claimId().toString(),
                "result_code", r.code().wireName(), "bank_reference", r.bankReference() == null ? "" : r.bankReference(),
                "reason", r.reason() == null ? "" : r.reason(), "default_reason", r.code().description())).toList());
        return traced(span, PayoutBatchEntity.<PayoutBatchEntity>findById(batchId, LockModeType.PESSIMISTIC_WRITE).chain(batch -> {
            if (batch == null) {
                throw ProblemException.notFound("No payout batch " + batchId);
            }
            // the claims are locked before they are checked: a settlement of another batch (an objection's
            // additional transfer) cannot change one between the check and the return
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                            select cast(c.id as varchar) from claim c
                            where c.id in (select r.claim_id from jsonb_to_recordset(cast(cast(?1 as text) as jsonb)) as r(claim_id uuid))
                            order by c.id for update""", String.class).setParameter(1, items).getResultList()
                    .chain(() -> unknownItems(session, batchId, items))
                    .chain(() -> notPaid(session, batchId, items))
                    .chain(() -> session.createNativeQuery("""
                                    with results as (
                                        select * from jsonb_to_recordset(cast(cast(?1 as text) as jsonb))
                                            as r(claim_id uuid, result_code text, bank_reference text, reason text, default_reason text)),
                                    returned as (
                                        update payout_item i set state = 'returned', returned_at = ?3, returned_by = ?4,
                                            return_code = r.result_code, return_reference = nullif(r.bank_reference, ''),
                                            return_reason = coalesce(nullif(r.reason, ''), r.default_reason)
                                        from results r
                                        where i.batch_id = ?2 and i.claim_id = r.claim_id and i.state = 'paid'
                                        returning i.claim_id, i.amount, i.return_code, i.return_reason),
                                    claims as (
                                        update claim c set state = 'payment_failed', payout_batch_id = null,
                                            paid_at = case when c.paid_amount - s.amount > 0 then c.paid_at end,
                                            bank_reference = null, payment_failures = c.payment_failures + 1,
                                            paid_amount = c.paid_amount - s.amount,
                                            last_payment_failure = 'returned after payment: ' || s.return_reason,
                                            last_payment_failure_code = s.return_code
                                        from returned s where c.id = s.claim_id
                                        returning c.id, c.program_id, s.amount, c.last_payment_failure, s.return_code),
                                    decisions as (
                                        insert into claim_decision (id, claim_id, decision, from_state, to_state, reason, principal, decided_at)
                                        select gen_random_uuid(), c.id, 'payment_returned', 'paid', 'payment_failed',
                                            c.return_code || ': ' || c.last_payment_failure, ?4, ?3 from claims c),
                                    txns as (select id, program_id, amount, gen_random_uuid() as txn from claims)
                                    insert into ledger_entry (txn_id, program_id, claim_id, batch_id, account, amount, memo, booked_at)
                                    select t.txn, t.program_id, t.id, ?2, e.account, e.sign * t.amount, 'transfer returned', ?3
                                    from txns t cross join (values ('paid', -1), ('payable', 1)) e(account, sign)""")
                            .setParameter(1, items).setParameter(2, batchId).setParameter(3, now).setParameter(4, principal)
                            .executeUpdate())
                    .invoke(count -> span.setAttribute("payout.returns.applied", count / 2)))
                    .replaceWith(batchId);
        }));
    }

    /**
     * Refuses returns of items this batch has not paid (still pending, or failed): nothing was sent to
     * return. Also while the claim's other transfer (an objection's additional one) is with the bank or
     * waits for a corrected account: the return is recorded after that transfer's own answer.
     */
    private Uni<Void> notPaid(Mutiny.Session session, UUID batchId, String items) {
        return session.createNativeQuery("""
                        select cast(i.claim_id as varchar) || ' (' || case when i.state = 'paid' then 'claim ' || c.state
                                                                      else i.state end || ')'
                        from jsonb_to_recordset(cast(cast(?1 as text) as jsonb)) as r(claim_id uuid)
                        join payout_item i on i.batch_id = ?2 and i.claim_id = r.claim_id
                        join claim c on c.id = i.claim_id
                        where i.state not in ('paid', 'returned') or (i.state = 'paid' and c.state not in ('paid', 'approved'))
                        limit 5""", String.class)
                .setParameter(1, items).setParameter(2, batchId).getResultList()
                .invoke(unpaid -> {
                    if (!unpaid.isEmpty()) {
                        throw new ProblemException(ProblemType.TRANSFER_NOT_PAID,
                                "Only a paid transfer can be returned; not paid in this batch: " + String.join(", ", unpaid));
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Refuses, before anything is used up or changed, a settlement naming claims that are not in the
     * batch. The settlement re-checks it under the batch's lock; asking first lets a refused file keep
     * its approval for the corrected one.
     */
    @WithSession
    public Uni<Void> settlementFits(UUID batchId, List<BankResult> results) {
        String items = json.write(results.stream().map(r -> Map.of("claim_id", r.claimId().toString())).toList());
        return existing(batchId).chain(() -> Panache.getSession()).chain(session -> unknownItems(session, batchId, items));
    }

    /** {@link #settlementFits} for returns: every item must be a transfer this batch paid (or already returned). */
    @WithSession
    public Uni<Void> returnsFit(UUID batchId, List<ReturnedTransfer> returns) {
        String items = json.write(returns.stream().map(r -> Map.of("claim_id", r.claimId().toString())).toList());
        return existing(batchId).chain(() -> Panache.getSession())
                .chain(session -> unknownItems(session, batchId, items).chain(() -> notPaid(session, batchId, items)));
    }

    private static Uni<Void> existing(UUID batchId) {
        return PayoutBatchEntity.<PayoutBatchEntity>findById(batchId).invoke(batch -> {
            if (batch == null) {
                throw ProblemException.notFound("No payout batch " + batchId);
            }
        }).replaceWithVoid();
    }

    /** Ends the span when the work ends, marked as an error when it failed. */
    private static <T> Uni<T> traced(Span span, Uni<T> work) {
        return work.onFailure().invoke(failure -> span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage())))
                .onTermination().invoke(span::end);
    }

    private Uni<Void> unknownItems(Mutiny.Session session, UUID batchId, String items) {
        return session.createNativeQuery("""
                        select cast(r.claim_id as varchar) from jsonb_to_recordset(cast(cast(?1 as text) as jsonb)) as r(claim_id uuid)
                        where not exists (select 1 from payout_item i where i.batch_id = ?2 and i.claim_id = r.claim_id)
                        limit 5""", String.class)
                .setParameter(1, items).setParameter(2, batchId).getResultList()
                .invoke(unknown -> {
                    if (!unknown.isEmpty()) {
                        throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, "items",
                                "name claims that are not in this batch: " + String.join(", ", unknown));
                    }
                })
                .replaceWithVoid();
    }

    @WithSession
    public Uni<PayoutBatchReport> view(UUID batchId, int page, int size) {
        return PayoutBatchEntity.<PayoutBatchEntity>findById(batchId).chain(batch -> {
            if (batch == null) {
                throw ProblemException.notFound("No payout batch " + batchId);
            }
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                            select state, cast(count(*) as bigint), cast(coalesce(sum(amount), 0) as bigint)
                            from payout_item where batch_id = ?1 group by state""", Object[].class)
                    .setParameter(1, batchId).getResultList()
                    .chain(totals -> session.createNativeQuery("""
                                    select cast(i.claim_id as varchar), c.business_number, c.business_name, i.amount, i.state,
                                           i.bank_reference, coalesce(i.return_reason, i.failure_reason), i.settled_at,
                                           coalesce(i.return_code, i.result_code), i.failure_class, i.returned_at
                                    from payout_item i join claim c on c.id = i.claim_id
                                    where i.batch_id = ?1 order by c.filed_at, c.id offset ?2 limit ?3""", Object[].class)
                            .setParameter(1, batchId).setParameter(2, page * size).setParameter(3, size).getResultList()
                            .map(rows -> new PayoutBatchReport(batch.id, batch.programId, batch.state, batch.itemCount,
                                    batch.totalAmount, totals(totals, "pending"), totals(totals, "paid"), totals(totals, "failed"), totals(totals, "returned"),
                                    batch.createdAt, batch.createdBy, batch.settledAt,
                                    rows.stream().map(PayoutBatches::item).toList(), page, size))));
        });
    }

    /** The latest batches of every program, newest first, with their totals (for the batch console). */
    @WithSession
    public Uni<List<PayoutBatchReport>> latest(int count) {
        return PayoutBatchEntity.<PayoutBatchEntity>findAll(io.quarkus.panache.common.Sort.descending("createdAt"))
                .page(0, count).list()
                // one after another: a reactive session runs one query at a time
                .chain(found -> io.smallrye.mutiny.Multi.createFrom().iterable(found)
                        .onItem().transformToUniAndConcatenate(b -> view(b.id, 0, 0)).collect().asList());
    }

    /** A program's batches, newest first, with their totals (one query per batch: pages are small). */
    @WithSession
    public Uni<PageView<PayoutBatchReport.Summary>> list(UUID programId, int page, int size) {
        return ProgramEntity.<ProgramEntity>findById(programId).chain(program -> {
            if (program == null) {
                throw ProblemException.notFound("No program " + programId);
            }
            return PayoutBatchEntity.count("programId", programId).chain(total -> PayoutBatchEntity
                    .<PayoutBatchEntity>find("programId = ?1 order by createdAt desc, id", programId).page(page, size).list()
                    // one after another: a reactive session runs one query at a time
                    .chain(found -> io.smallrye.mutiny.Multi.createFrom().iterable(found)
                            .onItem().transformToUniAndConcatenate(b -> view(b.id, 0, 0)).collect().asList())
                    .map(views -> new PageView<>(views.stream().map(PayoutBatchReport.Summary::of).toList(), page, size, total)));
        });
    }

    /**
     * The bank-transfer file: one line per item still to pay, full account numbers, amounts in won.
     * The only place account numbers are decrypted for anyone to see; every read is audited with the
     * reader and the batch, in the transaction that reads them.
     */
    @WithTransaction
    public Uni<String> transferFile(UUID batchId, String principal) {
        return PayoutBatchEntity.<PayoutBatchEntity>findById(batchId).chain(batch -> {
            if (batch == null) {
                throw ProblemException.notFound("No payout batch " + batchId);
            }
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                            select cast(i.claim_id as varchar), c.business_number, c.business_name, c.bank_name, c.bank_account,
                                   c.account_holder, i.amount
                            from payout_item i join claim c on c.id = i.claim_id
                            where i.batch_id = ?1 and i.state = 'pending' order by c.filed_at, c.id""", Object[].class)
                    .setParameter(1, batchId).getResultList()
                    .call(rows -> session.createNativeQuery("""
                                    insert into payout_audit (id, occurred_at, principal, action, subject_type, subject_id, detail)
                                    values (nextval('payout_audit_seq'), ?1, ?2, 'ACCOUNT_NUMBERS_READ', 'payout_batch', ?3,
                                        jsonb_build_object('accounts', cast(?4 as int), 'file', 'transfers.csv'))""")
                            .setParameter(1, clock.instant()).setParameter(2, principal).setParameter(3, batchId.toString())
                            .setParameter(4, rows.size()).executeUpdate()))
                    .map(rows -> {
                        StringBuilder csv = new StringBuilder("reference,business_registration_number,business_name,bank,account_number,account_holder,amount_krw\n");
                        for (Object[] r : rows) {
                            UUID claimId = UUID.fromString((String) r[0]);
                            csv.append(r[0]).append(',').append(BusinessRegistrationNumber.format((String) r[1])).append(',')
                                    .append(csvField((String) r[2])).append(',').append(csvField((String) r[3])).append(',')
                                    .append(csvField(vault.decrypt((String) r[4], claimId))).append(',')
                                    .append(csvField(vault.decrypt((String) r[5], claimId))).append(',')
                                    .append(((Number) r[6]).longValue()).append('\n');
                        }
                        return csv.toString();
                    });
        });
    }

    private static PayoutBatchReport.Totals totals(List<Object[]> rows, String state) {
        return rows.stream().filter(r -> state.equals(r[0]))
                .map(r -> new PayoutBatchReport.Totals(((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .findFirst().orElse(new PayoutBatchReport.Totals(0, 0));
    }

    private static PayoutBatchReport.Item item(Object[] r) {
        return new PayoutBatchReport.Item(UUID.fromString((String) r[0]), BusinessRegistrationNumber.format((String) r[1]),
                (String) r[2], ((Number) r[3]).longValue(), (String) r[4], (String) r[5], (String) r[6], toInstant(r[7]),
                (String) r[8], (String) r[9], toInstant(r[10]));
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(value.toString());
    }

    /** Quotes a field that could break the line: commas, quotes, newlines; and defuses spreadsheet formulas. */
    static String csvField(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.matches(".*[,\"\\r\\n].*") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
