package kr.outage.compensation.payout.persistence;

import kr.outage.compensation.payout.security.AccountVault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.persistence.IdempotencyRecords.StoredResponse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The claim intake's writes, on the reactive PostgreSQL client directly: intake comes in bursts of
 * thousands a second, and the pool's own {@code withTransaction} always commits or rolls back and
 * returns its connection, also when the HTTP client has gone away (which Hibernate Reactive does not
 * guarantee: quarkusio/quarkus#51576).
 *
 * <p>One statement per claim, atomic on its own: reserve the Idempotency-Key (only if no claim by
 * the same business exists yet), insert the claim, book its approval and store the response. Intake
 * is CPU-bound on the database's side as much as on ours, and one statement instead of five plus
 * BEGIN and COMMIT is most of the difference. A concurrent request with the same key waits on the
 * reservation's unique index and then answers with the stored response.
 */
@ApplicationScoped
public class ClaimWriter {

    public static final String SCOPE = "file-claim";

    /**
     * Data-modifying CTEs run on one snapshot and commit together. The ledger entries reference
     * the claim inserted beside them; foreign keys are checked at the end of the statement. The
     * booking is the same balanced transaction as {@code LedgerBook.approved}: budget credited,
     * payable debited.
     *
     * <p>In a program with a budget, a claim approved by rule first adds its amount to the committed
     * budget, only while it fits (the row lock orders concurrent claims, and the condition is
     * re-checked on the row as the previous one left it); one that no longer fits is stored as
     * awaiting_budget, without an approval or a booking. The idempotency record is a plain insert: a second request with the same key fails
     * on its primary key after the first commits, so its budget update is rolled back with it (never
     * counted twice), and the caller answers it with the first response.
     */
    static final String INSERT_ONCE = """
            with earlier as (
                select id, filed_by from claim where program_id = $8::uuid and business_number = $9::char(10) and service = $11::varchar
            ), budget as (
                update program_budget set committed = committed + $28
                where program_id = $8::uuid and $28::bigint > 0 and committed + $28 <= budget
                    and not exists (select 1 from earlier)
                returning 1
            ), gate as (
                select $28 is not null and not exists (select 1 from budget)
                    and exists (select 1 from program_budget where program_id = $8 and budget is not null) as w
            ), reserved as (
                insert into idempotency_record
                select $1::varchar, $2::varchar, $3::varchar, $4::char(64), $5::int, $6::varchar,
                    case when w then $34::text else $7::text end, now()
                from gate where not exists (select 1 from earlier)
                returning 1
            ), filed as (
                insert into claim (id, program_id, business_number, business_name, category, service, reported_loss,
                    loss_basis, bank_name, bank_account, account_holder, evidence, state, impaired_seconds,
                    assessed_loss, assessment_detail, tier, support_amount, missing_evidence, filed_at, filed_by,
                    approved_amount, approved_by, approved_at, loss_basis_kind, platforms, bank_account_masked,
                    bank_account_hash, filed_as, on_behalf_reason, account_checked_at, representative_name,
                    contact_email, contact_phone, contact_email_masked, contact_phone_masked, contact_language)
                select $32::uuid, $8::uuid, $9::char(10), $10::varchar, $12::varchar, $11::varchar, $13::bigint,
                    $14::varchar, $15::varchar, $16::varchar, $17::varchar, $18::text,
                    case when w then 'awaiting_budget' else $19::varchar end, $20::bigint, $21::bigint, $22::text, $23::int,
                    $24::bigint, $25::text[], $26::timestamptz, $27::varchar, case when w then null else $28 end,
                    case when w then null else $29::varchar end, case when w then null else $30::timestamptz end,
                    $31::varchar, $33::text[], $35::varchar, $36::char(64), $37::varchar, $38::text, $39::timestamptz, $40::text,
                    $41::varchar, $42::varchar, $43::varchar, $44::varchar, $45::varchar
                from reserved, gate
                returning id, program_id, approved_amount a, approved_at t
            ), booked as (
                insert into ledger_entry (txn_id, program_id, claim_id, account, amount, memo, booked_at)
                select x.t, f.program_id, f.id, e.n, e.s * f.a, 'claim approved', f.t
                from filed f, (select gen_random_uuid() t) x, (values ('program_budget', -1), ('payable', 1)) e(n, s)
                where f.a is not null
            )
            select (select id from earlier) as earlier_id, (select filed_by from earlier) as earlier_filed_by,
                (select count(*) from filed) as filed, (select w from gate) as waits"""
            // one line, so it stays under the limit for cached prepared statements (IntakePool)
            .replaceAll("\\s+", " ");

    @Inject
    Pool pool;
    @Inject
    AccountVault vault;

    /** The response stored for this key, if its request finished; refuses the key for a different request. */
    public Uni<Optional<StoredResponse>> replay(String principal, String key, String requestHash) {
        return IdempotencyRecords.replay(pool, SCOPE, principal, key, requestHash).map(found -> found.map(this::readable));
    }

    /**
     * A stored answer names the account's holder (the claim as filed): it is kept encrypted like the
     * holder on the claim, bound to the claim its location names. Answers stored before were in clear.
     */
    private StoredResponse readable(StoredResponse stored) {
        if (stored.body() == null || !AccountVault.isEncrypted(stored.body()) || stored.location() == null) {
            return stored;
        }
        UUID claimId = UUID.fromString(stored.location().substring(stored.location().lastIndexOf('/') + 1));
        return new StoredResponse(stored.status(), stored.location(), vault.decrypt(stored.body(), claimId));
    }

    /**
     * Stores the claim exactly once. {@code response} builds the response body from the claim as
     * stored; an earlier claim by the same business, program and service makes this a 409.
     */
    public Uni<StoredResponse> insertOnce(ClaimEntity c, String principal, String key, String requestHash,
                                          Function<ClaimEntity, StoredResponse> response) {
        StoredResponse stored = response.apply(c);
        StoredResponse waiting = c.approvedAmount == null ? stored : awaitingBudget(c, response);
        Tuple params = Tuple.from(Arrays.asList(SCOPE, principal, key, requestHash, stored.status(), stored.location(),
                vault.encrypt(stored.body(), c.id), c.programId, c.businessNumber, c.businessName, c.service, c.category, c.reportedLoss,
                c.lossBasis, c.bankName, c.bankAccount, c.accountHolder, c.evidence, c.state, c.impairedSeconds,
                c.assessedLoss, c.assessmentDetail, c.tier, c.supportAmount, c.missingEvidence, utc(c.filedAt),
                c.filedBy, c.approvedAmount, c.approvedBy, utc(c.approvedAt), c.lossBasisKind, c.id, c.platforms, vault.encrypt(waiting.body(), c.id),
                c.bankAccountMasked, c.bankAccountHash, c.filedAs, c.onBehalfReason, utc(c.accountCheckedAt),
                c.representativeName, c.contactEmail, c.contactPhone, c.contactEmailMasked, c.contactPhoneMasked,
                c.contactLanguage));
        return pool.preparedQuery(INSERT_ONCE).execute(params)
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getLong("filed") == 1) {
                        if (Boolean.TRUE.equals(row.getBoolean("waits"))) {
                            c.awaitBudget();
                            return Uni.createFrom().item(waiting);
                        }
                        return Uni.createFrom().item(stored);
                    }
                    // not filed: this business already has a claim; 409, unless that claim came from this
                    // very key (a key taken by another request fails the insert instead, answered by the caller)
                    DuplicateClaim earlier = new DuplicateClaim(row.getUUID("earlier_id"), row.getString("earlier_filed_by"));
                    return replay(principal, key, requestHash).map(replayed -> replayed.orElseThrow(() -> earlier));
                })
                // a concurrent claim by the same business committed first: point at it
                .onFailure(ClaimWriter::isDuplicateBusiness).recoverWithUni(() -> existingClaim(pool, c)
                        .map(existing -> {
                            throw existing.orElse(new DuplicateClaim(null, null));
                        }));
    }

    /** The response the claim gets if the budget turns out to be committed: computed beforehand, chosen by the statement. */
    private static StoredResponse awaitingBudget(ClaimEntity c, Function<ClaimEntity, StoredResponse> response) {
        String state = c.state;
        Long amount = c.approvedAmount;
        String by = c.approvedBy;
        Instant at = c.approvedAt;
        c.awaitBudget();
        try {
            return response.apply(c);
        } finally {
            c.state = state;
            c.approvedAmount = amount;
            c.approvedBy = by;
            c.approvedAt = at;
        }
    }

    private static Uni<Optional<DuplicateClaim>> existingClaim(io.vertx.mutiny.sqlclient.SqlClient client, ClaimEntity claim) {
        return client.preparedQuery("select id, filed_by from claim where program_id = $1 and business_number = $2 and service = $3")
                .execute(Tuple.of(claim.programId, claim.businessNumber, claim.service))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new DuplicateClaim(
                        rows.iterator().next().getUUID("id"), rows.iterator().next().getString("filed_by"))));
    }

    private static boolean isDuplicateBusiness(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("claim_once_per_business")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The business already claimed for this program and service: {@code existing} is that claim and
     * {@code existingFiledBy} who filed it, or both null when a concurrent claim won the race and only
     * the unique constraint said so.
     */
    public static final class DuplicateClaim extends RuntimeException {
        private final UUID existing;
        private final String existingFiledBy;

        DuplicateClaim(UUID existing, String existingFiledBy) {
            super("duplicate claim", null, false, false);
            this.existing = existing;
            this.existingFiledBy = existingFiledBy;
        }

        public UUID existing() {
            return existing;
        }

        public String existingFiledBy() {
            return existingFiledBy;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
