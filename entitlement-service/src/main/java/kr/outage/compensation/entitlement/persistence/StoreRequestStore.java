package kr.outage.compensation.entitlement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import kr.outage.compensation.entitlement.domain.BillingChannel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * The store_request rows (see V5__store_extensions.sql) and their state changes. Every change after
 * the claim is guarded by the attempt number the claimer wrote: a worker whose lease ran out (it hung,
 * or its process died and came back) can no longer settle a request another worker has taken over.
 */
@ApplicationScoped
public class StoreRequestStore {

    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    public record Due(UUID campaignId, long subjectId, String userId, UUID runId, BillingChannel channel, String productId,
                      String storeRef, int days, long fallbackKrw, UUID requestId, Instant expectedExpiry, String expectedEtag,
                      int attempt) {
    }

    /**
     * Takes the next request to {@code channel}'s store that is due (pending, or sending with its lease run out) and marks it
     * SENDING under a new attempt number, leased for {@code lease}; committed by the caller before
     * anything is sent. Due times are the database's clock, one for all replicas: they are about when
     * a store may be asked again, real time, not the business time the rest of a run is stamped with.
     */
    public Optional<Due> claim(Connection c, BillingChannel channel, java.time.Duration lease) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("update store_request r set state = 'SENDING', "
                + "attempts = r.attempts + 1, not_before = now() + ? * interval '1 millisecond' from (select campaign_id, subject_id "
                + "from store_request where channel = ? and state in ('PENDING', 'SENDING') and not_before <= now() "
                + "order by not_before limit 1 for update skip locked) d where r.campaign_id = d.campaign_id "
                + "and r.subject_id = d.subject_id returning r.campaign_id, r.subject_id, r.user_id, r.run_id, r.channel, "
                + "r.product_id, r.store_ref, r.days, r.fallback_krw, r.request_id, r.expected_expiry, r.expected_etag, r.attempts",
                lease.toMillis(), channel.name()));
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Due(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getObject(4, UUID.class),
                    BillingChannel.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getLong(9),
                    rs.getObject(10, UUID.class), Jdbc.instant(rs.getTimestamp(11)), rs.getString(12), rs.getInt(13)));
        }
    }

    /**
     * Records the expiry and etag a deferral will expect, before the deferral is sent (again, after the
     * subscription was seen to change before ours reached it); false if the lease was lost.
     */
    public boolean recordExpected(Connection c, Due due, Instant expiry, String etag) throws SQLException {
        return Jdbc.update(c, new SqlText().add("update store_request set expected_expiry = ?, expected_etag = ? "
                + "where campaign_id = ? and subject_id = ? and state = 'SENDING' and attempts = ?",
                expiry, etag, due.campaignId(), due.subjectId(), due.attempt())) == 1;
    }

    /** Nothing is known to have happened at the store: send again {@code after} from now. */
    public void retryLater(Connection c, Due due, java.time.Duration after, String error) throws SQLException {
        Jdbc.update(c, new SqlText().add("update store_request set not_before = now() + ? * interval '1 millisecond', "
                + "last_error = ? where campaign_id = ? and subject_id = ? and state = 'SENDING' and attempts = ?",
                after.toMillis(), clip(error), due.campaignId(),
                due.subjectId(), due.attempt()));
    }

    /**
     * The store extended the subscription: recorded, and the subscription's renewal date set to the
     * store's new one (in Korea's calendar, like every date people see here). False if the lease was lost.
     */
    public boolean settleExtended(Connection c, Due due, Instant newExpiry) throws SQLException {
        // settled_at in real time: Apple's twice-in-365-days is counted from it
        int settled = Jdbc.update(c, new SqlText().add("update store_request set state = 'EXTENDED', new_expiry = ?, "
                + "settled_at = now(), last_error = null where campaign_id = ? and subject_id = ? and state = 'SENDING' "
                + "and attempts = ?", newExpiry, due.campaignId(), due.subjectId(), due.attempt()));
        if (settled == 1) {
            moveRenewalDate(c, due.subjectId(), newExpiry);
        }
        return settled == 1;
    }

    /**
     * The store refused for good: the request is settled as FALLBACK and the fallback cash credited,
     * in this one transaction, so the cash is given exactly once. The grant row carries the cash too,
     * so a rollback takes it back like any other cash of the campaign.
     */
    public boolean settleFallback(Connection c, Due due, String refusal, String detail, String reason, String principal,
                                  Instant now) throws SQLException {
        int settled = Jdbc.update(c, new SqlText().add("update store_request set state = 'FALLBACK', refusal = ?, "
                + "last_error = ?, settled_at = now() where campaign_id = ? and subject_id = ? and state = 'SENDING' and attempts = ?",
                clip(refusal, 100), clip(detail), due.campaignId(), due.subjectId(), due.attempt()));
        if (settled != 1) {
            return false;
        }
        Jdbc.update(c, new SqlText().add("update campaign_grant set cash_krw = cash_krw + ? where campaign_id = ? and subject_id = ?",
                due.fallbackKrw(), due.campaignId(), due.subjectId()));
        Jdbc.update(c, new SqlText().add("insert into wallet_entry (user_id, amount_krw, reason, source, campaign_id, run_id, "
                + "subject_id, principal, created_at) values (?, ?, ?, 'CAMPAIGN', ?, ?, ?, ?, ?)", due.userId(), due.fallbackKrw(),
                reason, due.campaignId(), due.runId(), due.subjectId(), principal, now));
        Jdbc.update(c, new SqlText().add("insert into wallet (user_id, balance_krw) values (?, ?) on conflict (user_id) do update "
                + "set balance_krw = wallet.balance_krw + excluded.balance_krw", due.userId(), due.fallbackKrw()));
        return true;
    }

    /** A run's requests to one store, by state; lastError: the latest reason a pending one is waiting. */
    public record StoreCounts(BillingChannel channel, long pending, long extended, long fallback, String lastError) {
    }

    public java.util.List<StoreCounts> counts(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("select channel, count(*) filter (where state in "
                + "('PENDING', 'SENDING', 'MASS')), count(*) filter (where state = 'EXTENDED'), count(*) filter (where state = 'FALLBACK'), "
                + "(array_agg(last_error order by not_before desc) filter (where state in ('PENDING', 'SENDING', 'MASS') "
                + "and last_error is not null))[1] from store_request where run_id = ? group by channel order by channel", runId));
             ResultSet rs = ps.executeQuery()) {
            java.util.List<StoreCounts> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(new StoreCounts(BillingChannel.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5)));
            }
            return out;
        }
    }

    /** A store's error text, cut to the column's 1,000 characters. */
    static String clip(String s) {
        return clip(s, 1000);
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** A recurring pass's next billing date set to the store's new renewal date, in Korea's calendar like every date people see. */
    static void moveRenewalDate(Connection c, long subjectId, Instant newExpiry) throws SQLException {
        Jdbc.update(c, new SqlText().add("update subscription set next_billing_date = ? where id = ? and kind = 'RECURRING'",
                LocalDate.ofInstant(newExpiry, KOREA), subjectId));
    }
}
