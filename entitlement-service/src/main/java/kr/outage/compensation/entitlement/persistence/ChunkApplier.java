package kr.outage.compensation.entitlement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.Remedy;
import kr.outage.compensation.entitlement.domain.RemedyGroup;
import kr.outage.compensation.entitlement.domain.RemedyType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Applies one chunk of a run: a handful of set-based statements over a subject-id range, in the
 * caller's transaction. The grant insert comes first and skips subjects the campaign already
 * granted (its primary key is (subject, campaign)); every later statement works only on the grants
 * this statement just made, so a subject is changed once however often its chunk is retried.
 */
@ApplicationScoped
public class ChunkApplier {

    public record Chunk(UUID runId, int chunkNo, long fromSubject, long toSubject) {
    }

    /** Grants made by this chunk, per remedy group (1-based). */
    public Map<Integer, Long> apply(Connection c, Campaign campaign, Chunk chunk, String principal, Instant now)
            throws SQLException {
        EligibilitySql terms = new EligibilitySql(campaign.terms());
        String subjectColumn = terms.accountScoped() ? "a.seq" : "s.id";
        SqlText range = new SqlText().add(subjectColumn + " >= ? and " + subjectColumn + " < ?",
                chunk.fromSubject(), chunk.toSubject());
        SqlText insert = new SqlText()
                .add("insert into campaign_grant (campaign_id, subject_id, user_id, group_no, run_id, granted_at, "
                        + "billing_date_before, billing_date_after, expires_on_before, expires_on_after, cash_krw) "
                        + "select ?, q.subject_id, q.user_id, q.group_no, ?, ?, q.billing_date_before, q.billing_date_after, "
                        + "q.expires_on_before, q.expires_on_after, q.cash_krw from (", campaign.id(), chunk.runId(), now)
                .add(terms.grants(range))
                .add(") q on conflict do nothing");
        int granted;
        try (PreparedStatement ps = Jdbc.prepare(c, insert)) {
            granted = ps.executeUpdate();
        }
        if (granted == 0) {
            return Map.of();
        }
        String mine = " g.campaign_id = ? and g.run_id = ? and g.subject_id >= ? and g.subject_id < ?";
        Object[] mineParams = {campaign.id(), chunk.runId(), chunk.fromSubject(), chunk.toSubject()};
        var t = campaign.terms();
        if (t.anyGroupHas(RemedyType.EXTEND_BILLING_DATE) || t.anyGroupHas(RemedyType.EXTEND_EXPIRY)) {
            Jdbc.update(c, new SqlText().add("update subscription s set next_billing_date = g.billing_date_after, "
                    + "expires_on = g.expires_on_after from campaign_grant g where" + mine, mineParams)
                    .add(" and s.id = g.subject_id and (g.billing_date_after is distinct from g.billing_date_before "
                            + "or g.expires_on_after is distinct from g.expires_on_before)"));
        }
        if (t.anyGroupHas(RemedyType.CREDIT_CASH)) {
            String reason = "Compensation: " + campaign.title() + " (" + campaign.code() + ")";
            Jdbc.update(c, new SqlText().add("insert into wallet_entry (user_id, amount_krw, reason, source, campaign_id, run_id, "
                    + "subject_id, principal, created_at) select g.user_id, g.cash_krw, ?, 'CAMPAIGN', g.campaign_id, "
                    + "g.run_id, g.subject_id, ?, ? from campaign_grant g where", reason, principal, now)
                    .add(mine, mineParams).add(" and g.cash_krw > 0"));
            Jdbc.update(c, new SqlText().add("insert into wallet (user_id, balance_krw) select g.user_id, sum(g.cash_krw) "
                    + "from campaign_grant g where" + mine, mineParams)
                    .add(" and g.cash_krw > 0 group by g.user_id on conflict (user_id) do update "
                            + "set balance_krw = wallet.balance_krw + excluded.balance_krw"));
        }
        SqlText coupons = perGroupValues(campaign, RemedyType.GRANT_COUPON);
        if (coupons != null) {
            Jdbc.update(c, new SqlText().add("insert into coupon (user_id, label, value_krw, valid_until, granted_at, "
                    + "campaign_id, run_id, subject_id) select g.user_id, v.label, v.value_krw, v.valid_until, ?, "
                    + "g.campaign_id, g.run_id, g.subject_id from campaign_grant g join (", now)
                    .add(coupons).add(") v (group_no, label, value_krw, valid_until) on v.group_no = g.group_no where")
                    .add(mine, mineParams));
        }
        SqlText items = perGroupValues(campaign, RemedyType.GRANT_ITEM);
        if (items != null) {
            Jdbc.update(c, new SqlText().add("insert into granted_item (user_id, item_code, label, valid_until, granted_at, "
                    + "campaign_id, run_id, subject_id) select g.user_id, v.item_code, v.label, "
                    + "case when v.days is null then null else cast(? as timestamptz) + v.days * interval '1 day' end, ?, "
                    + "g.campaign_id, g.run_id, g.subject_id from campaign_grant g join (", now, now)
                    .add(items).add(") v (group_no, item_code, label, days) on v.group_no = g.group_no where")
                    .add(mine, mineParams));
        }
        Map<Integer, Long> perGroup = new TreeMap<>();
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText()
                .add("select g.group_no, count(*) from campaign_grant g where" + mine, mineParams)
                .add(" group by g.group_no"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                perGroup.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return perGroup;
    }

    /** A VALUES list of the coupons or items each group gives, or null when no group gives any. */
    private static SqlText perGroupValues(Campaign campaign, RemedyType type) {
        SqlText values = new SqlText().add("values ");
        boolean any = false;
        var groups = campaign.terms().groups();
        for (int i = 0; i < groups.size(); i++) {
            RemedyGroup group = groups.get(i);
            for (Remedy r : group.ofType(type)) {
                values.add(any ? ", " : "");
                if (type == RemedyType.GRANT_COUPON) {
                    values.add("(cast(? as int), cast(? as text), cast(? as bigint), cast(? as timestamptz))",
                            i + 1, r.label(), r.amountKrw(), r.validUntil());
                } else {
                    values.add("(cast(? as int), cast(? as text), cast(? as text), cast(? as int))",
                            i + 1, r.itemCode(), r.label(), r.days());
                }
                any = true;
            }
        }
        return any ? values : null;
    }
}
