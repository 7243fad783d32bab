package kr.outage.compensation.payout.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.problem.ProblemException;
import kr.outage.compensation.payout.problem.ProblemType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The claim intake's writes, on the reactive PostgreSQL client directly: intake comes in bursts of
 * thousands a second, and the pool's own {@code withTransaction} always commits or rolls back and
 * returns its connection, also when the HTTP client has gone away (which Hibernate Reactive does not
 * guarantee: quarkusio/quarkus#51576).
 *
 * <p>One transaction per claim: reserve the Idempotency-Key, check for an earlier claim by the same
 * business, insert the claim, book the approval, store the response. A concurrent request with the
 * same key waits on the reservation's unique index and then answers with the stored response.
 */
@ApplicationScoped
public class ClaimWriter {

    public static final String SCOPE = "file-claim";

    /** A response as first sent. */
    public record StoredResponse(int status, String location, String body) {
    }

    @Inject
    Pool pool;

    /** The response stored for this key, if its request finished; refuses the key for a different request. */
    public Uni<Optional<StoredResponse>> replay(String principal, String key, String requestHash) {
        return replay(pool, principal, key, requestHash);
    }

    /**
     * Stores the claim exactly once. {@code response} builds the response body from the claim as
     * stored; an earlier claim by the same business, program and service makes this a 409.
     */
    public Uni<StoredResponse> insertOnce(ClaimEntity claim, String principal, String key, String requestHash,
                                          Function<ClaimEntity, StoredResponse> response) {
        return pool.withTransaction(conn -> reserve(conn, principal, key, requestHash).chain(reserved -> reserved
                ? existingClaim(conn, claim).chain(existing -> {
                    if (existing.isPresent()) {
                        return Uni.createFrom().failure(duplicate(existing.get()));
                    }
                    StoredResponse stored = response.apply(claim);
                    return insert(conn, claim)
                            .chain(() -> claim.approvedAmount == null ? Uni.createFrom().voidItem() : bookApproval(conn, claim))
                            .chain(() -> complete(conn, principal, key, stored))
                            .replaceWith(stored);
                })
                : replay(conn, principal, key, requestHash).map(Optional::orElseThrow)))
                // a concurrent claim by the same business committed first: point at it
                .onFailure(ClaimWriter::isDuplicateBusiness).recoverWithUni(() -> existingClaim(pool, claim)
                        .map(existing -> {
                            throw duplicate(existing.orElse(null));
                        }));
    }

    private static Uni<Optional<StoredResponse>> replay(io.vertx.mutiny.sqlclient.SqlClient client, String principal,
                                                       String key, String requestHash) {
        return client.preparedQuery("select request_hash, status, location, response_body from idempotency_record "
                        + "where scope = $1 and principal = $2 and idem_key = $3 and status > 0")
                .execute(Tuple.of(SCOPE, principal, key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    if (!requestHash.equals(row.getString("request_hash").strip())) {
                        throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key
                                + "' was already used for a different request; use a new key for a new request");
                    }
                    return Optional.of(new StoredResponse(row.getInteger("status"), row.getString("location"),
                            row.getString("response_body")));
                });
    }

    private static Uni<Boolean> reserve(SqlConnection conn, String principal, String key, String requestHash) {
        return conn.preparedQuery("insert into idempotency_record (scope, principal, idem_key, request_hash, status, response_body, created_at) "
                        + "values ($1, $2, $3, $4, 0, '', now()) on conflict do nothing")
                .execute(Tuple.of(SCOPE, principal, key, requestHash))
                .map(result -> result.rowCount() == 1);
    }

    private static Uni<Optional<UUID>> existingClaim(io.vertx.mutiny.sqlclient.SqlClient client, ClaimEntity claim) {
        return client.preparedQuery("select id from claim where program_id = $1 and business_number = $2 and service = $3")
                .execute(Tuple.of(claim.programId, claim.businessNumber, claim.service))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id")));
    }

    private static Uni<Void> insert(SqlConnection conn, ClaimEntity c) {
        return conn.preparedQuery("""
                        insert into claim (id, program_id, business_number, business_name, category, service, reported_loss,
                            loss_basis, bank_name, bank_account, account_holder, evidence, state, impaired_seconds,
                            assessed_loss, assessment_detail, tier, support_amount, missing_evidence, filed_at, filed_by,
                            approved_amount, approved_by, approved_at, loss_basis_kind)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                            $21, $22, $23, $24, $25)""")
                .execute(Tuple.from(Arrays.asList(c.id, c.programId, c.businessNumber, c.businessName, c.category,
                        c.service, c.reportedLoss, c.lossBasis, c.bankName, c.bankAccount, c.accountHolder, c.evidence,
                        c.state, c.impairedSeconds, c.assessedLoss, c.assessmentDetail, c.tier, c.supportAmount,
                        c.missingEvidence, utc(c.filedAt), c.filedBy, c.approvedAmount, c.approvedBy, utc(c.approvedAt), c.lossBasisKind)))
                .replaceWithVoid();
    }

    /** The same balanced transaction as {@code LedgerBook.approved}: budget credited, payable debited. */
    private static Uni<Void> bookApproval(SqlConnection conn, ClaimEntity c) {
        return conn.preparedQuery("""
                        insert into ledger_entry (txn_id, program_id, claim_id, account, amount, memo, booked_at)
                        select t, $1, $2, e.account, e.amount, 'claim approved', $4
                        from (select gen_random_uuid() t) txn,
                             (values ('program_budget', -$3::bigint), ('payable', $3::bigint)) e(account, amount)""")
                .execute(Tuple.of(c.programId, c.id, c.approvedAmount, utc(c.approvedAt)))
                .replaceWithVoid();
    }

    private static Uni<Void> complete(SqlConnection conn, String principal, String key, StoredResponse response) {
        return conn.preparedQuery("update idempotency_record set status = $4, location = $5, response_body = $6 "
                        + "where scope = $1 and principal = $2 and idem_key = $3")
                .execute(Tuple.of(SCOPE, principal, key, response.status(), response.location(), response.body()))
                .replaceWithVoid();
    }

    private static boolean isDuplicateBusiness(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("claim_once_per_business")) {
                return true;
            }
        }
        return false;
    }

    /** 409 pointing at the earlier claim (unknown when a concurrent insert won the race: the unique constraint fired). */
    public static ProblemException duplicate(UUID existingId) {
        String detail = "This business already filed a claim for this service in this program";
        return existingId == null
                ? new ProblemException(ProblemType.DUPLICATE_CLAIM, detail, null)
                : new ProblemException(ProblemType.DUPLICATE_CLAIM, detail + ": " + location(existingId), null,
                Map.of("existingClaim", location(existingId)));
    }

    public static String location(UUID claimId) {
        return "/api/v1/claims/" + claimId;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
