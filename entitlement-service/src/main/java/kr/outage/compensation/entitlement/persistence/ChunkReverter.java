package kr.outage.compensation.entitlement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import kr.outage.compensation.entitlement.domain.Campaign;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Undoes what {@link ChunkApplier} applied to one subject range of a campaign, in the caller's
 * transaction, and marks those grants rolled back so the range is never reversed twice. What can no
 * longer be undone is left as it is and recorded in rollback_conflict: a pass whose dates changed or
 * that ended since, cash already spent (only the rest is taken back), a coupon already used, a
 * renewal date a store extended. Items are withdrawn.
 */
@ApplicationScoped
public class ChunkReverter {

    private static final String MINE = " g.campaign_id = ? and g.subject_id >= ? and g.subject_id < ? and g.rolled_back_at is null";

    public void undo(Connection c, Campaign campaign, long from, long to, String principal, Instant now) throws SQLException {
        Object[] mine = {campaign.id(), from, to};
        String changed = "(g.billing_date_after is distinct from g.billing_date_before or g.expires_on_after is distinct from g.expires_on_before)";
        // Passes: restore those still exactly as the campaign left them; report the rest.
        Jdbc.update(c, new SqlText().add("insert into rollback_conflict (campaign_id, subject_id, user_id, kind, detail, recorded_at) "
                + "select g.campaign_id, g.subject_id, g.user_id, case when s.id is null then 'PASS_GONE' "
                + "when s.status <> 'ACTIVE' then 'PASS_ENDED' else 'PASS_CHANGED' end, "
                + "'campaign set next billing date ' || coalesce(g.billing_date_after::text, '-') || ', expiry ' || "
                + "coalesce(g.expires_on_after::text, '-') || '; now ' || coalesce(s.next_billing_date::text, '-') || ', ' || "
                + "coalesce(s.expires_on::text, '-') || ', status ' || coalesce(s.status, 'deleted') || '; left as is', ? "
                + "from campaign_grant g left join subscription s on s.id = g.subject_id where", now)
                .add(MINE, mine).add(" and " + changed + " and (s.id is null or s.status <> 'ACTIVE' "
                        + "or s.next_billing_date is distinct from g.billing_date_after or s.expires_on is distinct from g.expires_on_after)"));
        Jdbc.update(c, new SqlText().add("update subscription s set next_billing_date = g.billing_date_before, "
                + "expires_on = g.expires_on_before from campaign_grant g where").add(MINE, mine)
                .add(" and s.id = g.subject_id and " + changed + " and s.status = 'ACTIVE' "
                        + "and s.next_billing_date is not distinct from g.billing_date_after "
                        + "and s.expires_on is not distinct from g.expires_on_after"));
        // Notices not yet sent: nobody is told of what is being taken back (sent ones stay as they were)
        Jdbc.update(c, new SqlText().add("update notice set state = 'CANCELLED', last_error = 'campaign rolled back before "
                + "it was sent' where campaign_id = ? and subject_id >= ? and subject_id < ? and state = 'QUEUED'", mine));
        // Store extensions: the stores offer no way back; each one is reported, and stays.
        Jdbc.update(c, new SqlText().add("insert into rollback_conflict (campaign_id, subject_id, user_id, kind, detail, recorded_at) "
                + "select g.campaign_id, g.subject_id, g.user_id, 'STORE_EXTENDED', case r.channel when 'APPLE' then 'the App Store' "
                + "else 'Google Play' end || ' moved the renewal date to ' || (r.new_expiry at time zone 'Asia/Seoul')::date "
                + "|| ' (' || r.days || ' days); a store extension cannot be undone', ? from campaign_grant g join store_request r "
                + "on r.campaign_id = g.campaign_id and r.subject_id = g.subject_id and r.state = 'EXTENDED' where", now)
                .add(MINE, mine));
        // Cash: take back what is still there, at most what was given; report any shortfall.
        String reason = "Rollback of compensation: " + campaign.title() + " (" + campaign.code() + ")";
        Jdbc.update(c, new SqlText().add("with owed as (select g.user_id, sum(g.cash_krw) as owed, min(g.subject_id) as subject_id "
                + "from campaign_grant g where").add(MINE, mine).add(" and g.cash_krw > 0 group by g.user_id), "
                + "taking as (select o.user_id, o.subject_id, o.owed, least(w.balance_krw, o.owed) as taken "
                + "from owed o join wallet w on w.user_id = o.user_id for update of w), "
                + "debited as (update wallet w set balance_krw = w.balance_krw - t.taken from taking t "
                + "where w.user_id = t.user_id and t.taken > 0 returning w.user_id), "
                + "entries as (insert into wallet_entry (user_id, amount_krw, reason, source, campaign_id, subject_id, principal, created_at) "
                + "select t.user_id, -t.taken, ?, 'CAMPAIGN_ROLLBACK', ?, t.subject_id, ?, ? from taking t where t.taken > 0) "
                + "insert into rollback_conflict (campaign_id, subject_id, user_id, kind, detail, recorded_at) "
                + "select ?, t.subject_id, t.user_id, 'CASH_SPENT', 'credited ' || t.owed || ' KRW, balance held ' || t.taken "
                + "|| ' KRW; took back ' || t.taken || ', ' || (t.owed - t.taken) || ' KRW already spent', ? from taking t "
                + "where t.taken < t.owed", reason, campaign.id(), principal, now, campaign.id(), now));
        // Coupons: revoke the unused ones; a used coupon cannot be taken back.
        Jdbc.update(c, new SqlText().add("insert into rollback_conflict (campaign_id, subject_id, user_id, kind, detail, recorded_at) "
                + "select k.campaign_id, k.subject_id, k.user_id, 'COUPON_USED', 'coupon ' || k.id || ' (' || k.value_krw "
                + "|| ' KRW) was used at ' || k.used_at, ? from coupon k join campaign_grant g on g.subject_id = k.subject_id "
                + "and g.campaign_id = k.campaign_id where", now).add(MINE, mine)
                .add(" and k.used_at is not null and k.revoked_at is null"));
        Jdbc.update(c, new SqlText().add("update coupon k set revoked_at = ? from campaign_grant g where", now).add(MINE, mine)
                .add(" and k.campaign_id = g.campaign_id and k.subject_id = g.subject_id and k.used_at is null and k.revoked_at is null"));
        Jdbc.update(c, new SqlText().add("update granted_item i set revoked_at = ? from campaign_grant g where", now).add(MINE, mine)
                .add(" and i.campaign_id = g.campaign_id and i.subject_id = g.subject_id and i.revoked_at is null"));
        Jdbc.update(c, new SqlText().add("update campaign_grant g set rolled_back_at = ? where", now).add(MINE, mine));
    }
}
