package kr.outage.compensation.entitlement.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The App Store mass extensions (apple_mass_extension, see V6__apple_mass_extension.sql) and the
 * campaign requests they settle (store_request rows in state MASS). Every state change is guarded by
 * the state it leaves, and a claimed mass request by its attempt number, so that replicas, a resent
 * notification and the history read at the end each settle a request at most once.
 */
@ApplicationScoped
public class AppleMassStore {

    public enum State { PENDING, SENT, COMPLETE, SETTLED }

    /**
     * A mass request Apple may be working on, alias {@code o}: sent, complete, or pending after an attempt
     * to send it (its answer may have been lost after Apple took it, and Apple's notifications may come
     * before the answer does).
     */
    private static final String AT_APPLE = "(o.state in ('SENT', 'COMPLETE') or (o.state = 'PENDING' and o.attempts > 0))";

    public record MassRequest(UUID campaignId, String productId, UUID runId, UUID requestId, int days, List<String> storefronts,
                              State state, int attempt, Instant sentAt) {
    }

    /**
     * Takes the next mass request that is due, leased for {@code lease} under a new attempt number.
     * A PENDING one is due only once every chunk of its run is applied (so each subscription it covers
     * has its row before Apple reports on it) and no other mass request for the product is in flight
     * (Apple's notification about a subscription does not say which request extended it).
     */
    public Optional<MassRequest> claim(Connection c, Duration lease) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("update apple_mass_extension m set attempts = m.attempts + 1, "
                + "not_before = now() + ? * interval '1 millisecond' from (select campaign_id, product_id from apple_mass_extension x "
                + "where x.state <> 'SETTLED' and x.not_before <= now() and (x.state <> 'PENDING' or (not exists (select 1 "
                + "from run_chunk k where k.run_id = x.run_id and k.state = 'PENDING') and not exists (select 1 from "
                + "apple_mass_extension o where o.product_id = x.product_id and o.campaign_id <> x.campaign_id and " + AT_APPLE + "))) "
                + "order by x.not_before limit 1 for update skip locked) d where m.campaign_id = d.campaign_id "
                + "and m.product_id = d.product_id returning m.campaign_id, m.product_id, m.run_id, m.request_id, m.days, "
                + "m.storefronts, m.state, m.attempts, m.sent_at", lease.toMillis()));
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(massRequest(rs)) : Optional.empty();
        }
    }

    /** Columns: campaign_id, product_id, run_id, request_id, days, storefronts, state, attempts, sent_at. */
    private static MassRequest massRequest(ResultSet rs) throws SQLException {
        return new MassRequest(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getInt(5), Arrays.asList((String[]) rs.getArray(6).getArray()),
                State.valueOf(rs.getString(7)), rs.getInt(8), Jdbc.instant(rs.getTimestamp(9)));
    }

    /** Apple accepted the request: its status is asked after {@code statusAfter}. False if the lease was lost. */
    public boolean sent(Connection c, MassRequest m, Duration statusAfter) throws SQLException {
        return Jdbc.update(c, new SqlText().add("update apple_mass_extension set state = 'SENT', sent_at = now(), last_error = null, "
                + "not_before = now() + ? * interval '1 millisecond' where campaign_id = ? and product_id = ? and state = 'PENDING' "
                + "and attempts = ?", statusAfter.toMillis(), m.campaignId(), m.productId(), m.attempt())) == 1;
    }

    /** Apple completed the request (by its status or its summary notification); settled after {@code grace}. */
    public boolean complete(Connection c, UUID campaignId, String productId, Instant completeAt, long succeeded, long failed,
                            Duration grace) throws SQLException {
        return Jdbc.update(c, new SqlText().add("update apple_mass_extension set state = 'COMPLETE', complete_at = ?, "
                + "succeeded_count = ?, failed_count = ?, last_error = null, not_before = now() + ? * interval '1 millisecond' "
                + "where campaign_id = ? and product_id = ? and state in ('PENDING', 'SENT')", completeAt, succeeded, failed,
                grace.toMillis(), campaignId, productId)) == 1;
    }

    /** A summary notification names its request by Apple's requestIdentifier. */
    public Optional<MassRequest> byRequestId(Connection c, UUID requestId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("select campaign_id, product_id, run_id, request_id, days, "
                + "storefronts, state, attempts, sent_at from apple_mass_extension where request_id = ?", requestId));
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(massRequest(rs)) : Optional.empty();
        }
    }

    /** Nothing is known to have happened: ask again {@code after} from now, saying why. */
    public void retryLater(Connection c, MassRequest m, Duration after, String error) throws SQLException {
        Jdbc.update(c, new SqlText().add("update apple_mass_extension set not_before = now() + ? * interval '1 millisecond', "
                + "last_error = ? where campaign_id = ? and product_id = ? and attempts = ?", after.toMillis(), StoreRequestStore.clip(error),
                m.campaignId(), m.productId(), m.attempt()));
    }

    /** Every request of the mass request is settled. */
    public boolean settled(Connection c, MassRequest m) throws SQLException {
        return Jdbc.update(c, new SqlText().add("update apple_mass_extension set state = 'SETTLED', not_before = now(), last_error = null "
                + "where campaign_id = ? and product_id = ? and state <> 'SETTLED' and attempts = ?", m.campaignId(),
                m.productId(), m.attempt())) == 1;
    }

    /** The campaign request a notification about {@code originalTransactionId} settles: one waiting on a mass request Apple may have. */
    public record Waiting(UUID campaignId, long subjectId, UUID runId) {
    }

    /**
     * A notification signed before the mass request was even recorded cannot be about it (Apple resends
     * old notifications for days): {@code signedAt} must not precede the mass request.
     */
    public Optional<Waiting> waitingFor(Connection c, String originalTransactionId, Instant signedAt) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("select r.campaign_id, r.subject_id, r.run_id "
                + "from store_request r join apple_mass_extension o on o.campaign_id = r.campaign_id and o.product_id = r.product_id "
                + "and " + AT_APPLE + " and o.created_at <= coalesce(cast(? as timestamptz), now()) where r.store_ref = ? "
                + "and r.channel = 'APPLE' and r.state = 'MASS' order by r.created_at limit 1 for update of r", signedAt,
                originalTransactionId)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Waiting(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class)))
                    : Optional.empty();
        }
    }

    /**
     * Apple extended the subscription: recorded with the notification that said so, and its renewal
     * date set to Apple's (Korea's calendar).
     */
    public boolean settleExtended(Connection c, Waiting w, Instant renewsAt, UUID notificationId) throws SQLException {
        int settled = Jdbc.update(c, new SqlText().add("update store_request set state = 'EXTENDED', new_expiry = ?, "
                + "settled_at = now(), last_error = null, settled_by_notification = ? where campaign_id = ? and subject_id = ? "
                + "and state = 'MASS'", renewsAt, notificationId, w.campaignId(), w.subjectId()));
        if (settled == 1 && renewsAt != null) {
            StoreRequestStore.moveRenewalDate(c, w.subjectId(), renewsAt);
        }
        return settled == 1;
    }

    /**
     * A request of a mass extension Apple has not finished with, settled as extended by a
     * RENEWAL_EXTENDED about {@code originalTransactionId}: a FAILURE about the same subscription from
     * that mass extension shows the RENEWAL_EXTENDED was another extension's.
     */
    public Optional<Waiting> settledByAnotherExtension(Connection c, String originalTransactionId, Instant signedAt)
            throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("select r.campaign_id, r.subject_id, r.run_id "
                + "from store_request r join apple_mass_extension o on o.campaign_id = r.campaign_id and o.product_id = r.product_id "
                + "and " + AT_APPLE + " and o.created_at <= coalesce(cast(? as timestamptz), now()) where r.store_ref = ? "
                + "and r.channel = 'APPLE' and r.state = 'EXTENDED' and r.settled_by_notification is not null "
                + "order by r.created_at limit 1 for update of r", signedAt, originalTransactionId)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Waiting(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class)))
                    : Optional.empty();
        }
    }

    /**
     * Whether a RENEWAL_EXTENDED about {@code originalTransactionId} renewing at {@code renewsAt} may be
     * the answer to a one-subscription request of the suite's own: one still in flight (its outcome
     * unknown), or one Apple answered with exactly that renewal date. Such a notification never
     * settles a mass extension's request.
     */
    public boolean mayBeOneSubscriptionRequests(Connection c, String originalTransactionId, Instant renewsAt) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("select 1 from store_request where store_ref = ? "
                + "and channel = 'APPLE' and settled_by_notification is null and (state in ('PENDING', 'SENDING') "
                + "or (state = 'EXTENDED' and new_expiry = ?)) limit 1", originalTransactionId, renewsAt));
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * The fallback for the campaign's requests on {@code productId} still waiting, or only for the one
     * of {@code subjectId} when given: each settled as FALLBACK and its cash credited (grant, ledger,
     * balance) in this one statement, so the cash goes exactly once. Returns how many. With
     * {@code overturning}, the one request of {@code subjectId} that a notification settled as extended
     * instead (see {@link #settledByAnotherExtension}).
     */
    public int settleFallback(Connection c, UUID campaignId, String productId, Long subjectId, String refusal, String detail,
                              String reason, String principal, Instant now) throws SQLException {
        return settleFallback(c, campaignId, productId, subjectId, false, refusal, detail, reason, principal, now);
    }

    public int settleFallback(Connection c, UUID campaignId, String productId, Long subjectId, boolean overturning, String refusal,
                              String detail, String reason, String principal, Instant now) throws SQLException {
        SqlText sql = new SqlText().add("with f as (update store_request set state = 'FALLBACK', refusal = ?, last_error = ?, "
                + "settled_at = now() where campaign_id = ? and channel = 'APPLE' and "
                + (overturning ? "state = 'EXTENDED' and settled_by_notification is not null" : "state = 'MASS'"),
                StoreRequestStore.clip(refusal, 100), StoreRequestStore.clip(detail), campaignId);
        if (subjectId != null) {
            sql.add(" and subject_id = ?", subjectId);
        } else {
            sql.add(" and product_id = ?", productId);
        }
        sql.add(" returning campaign_id, subject_id, user_id, run_id, fallback_krw), "
                        + "grants as (update campaign_grant g set cash_krw = g.cash_krw + f.fallback_krw from f "
                        + "where g.campaign_id = f.campaign_id and g.subject_id = f.subject_id), "
                        + "ledger as (insert into wallet_entry (user_id, amount_krw, reason, source, campaign_id, run_id, subject_id, "
                        + "principal, created_at) select f.user_id, f.fallback_krw, ?, 'CAMPAIGN', f.campaign_id, f.run_id, f.subject_id, "
                        + "?, ? from f), ", reason, principal, now)
                .add("balances as (insert into wallet (user_id, balance_krw) select f.user_id, sum(f.fallback_krw) from f "
                        + "group by f.user_id on conflict (user_id) do update set balance_krw = wallet.balance_krw + excluded.balance_krw) "
                        + "select count(*) from f");
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Records a verified notification once; false when it was recorded before (Apple resends what it
     * believes was not received, and the history repeats what was): then it changes nothing again.
     */
    public boolean recordNotification(Connection c, UUID notificationId, String type, String subtype, String originalTransactionId,
                                      String productId, String outcome, Instant signedAt, Instant now) throws SQLException {
        return Jdbc.update(c, new SqlText().add("insert into apple_notification (notification_uuid, notification_type, subtype, "
                + "original_transaction_id, product_id, outcome, signed_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict do nothing", notificationId, StoreRequestStore.clip(type, 40), StoreRequestStore.clip(subtype, 40), StoreRequestStore.clip(originalTransactionId, 64),
                StoreRequestStore.clip(productId, 200), outcome, signedAt, now)) == 1;
    }

    public void notificationOutcome(Connection c, UUID notificationId, String outcome) throws SQLException {
        Jdbc.update(c, new SqlText().add("update apple_notification set outcome = ? where notification_uuid = ?", outcome,
                notificationId));
    }

    /** A run's mass extensions, for its progress. */
    public record MassProgress(String productId, UUID requestId, String state, Instant sentAt, Instant completeAt,
                               Long succeeded, Long failed, String lastError) {
    }

    public List<MassProgress> ofRun(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("select product_id, request_id, state, sent_at, complete_at, "
                + "succeeded_count, failed_count, last_error from apple_mass_extension where run_id = ? order by product_id", runId));
             ResultSet rs = ps.executeQuery()) {
            List<MassProgress> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new MassProgress(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3).toLowerCase(),
                        Jdbc.instant(rs.getTimestamp(4)), Jdbc.instant(rs.getTimestamp(5)), (Long) rs.getObject(6),
                        (Long) rs.getObject(7), rs.getString(8)));
            }
            return out;
        }
    }

}
