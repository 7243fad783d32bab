package kr.outage.compensation.entitlement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.OverlapPolicy;
import kr.outage.compensation.entitlement.domain.Remedy;
import kr.outage.compensation.entitlement.domain.RemedyGroup;
import kr.outage.compensation.entitlement.domain.RemedyType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Applies one chunk of a run: one set-based statement over a subject-id range, in the caller's
 * transaction. Its first part inserts the grants and skips subjects the campaign already granted
 * (the primary key is (subject, campaign)); every other part works only on the rows that insert
 * returned, so a subject is changed once however often its chunk is retried. An 'exclude' campaign
 * skips the subjects another campaign of the same incident and service already granted (see
 * {@link OverlapSql}).
 *
 * <p>One statement rather than one per change: the grants are computed once and handed to the
 * date, ledger, balance, coupon and item writes in memory, instead of being read back from
 * campaign_grant by each of them.
 */
@ApplicationScoped
public class ChunkApplier {

    /**
     * App Store subscriptions of the mass-extension group wait for Apple's notifications (MASS); the rest
     * are sent one by one (PENDING), and so is one that a later run of the campaign finds after the mass
     * request for its product has gone to Apple: that request will not reach it any more.
     */
    private static String storeRequestState(int appleMassGroup) {
        return appleMassGroup == 0 ? "'PENDING'"
                : "case when g.group_no = " + appleMassGroup + " and s.channel = 'APPLE' and not exists (select 1 from "
                + "apple_mass_extension x where x.campaign_id = g.campaign_id and x.product_id = s.store_product_id "
                + "and x.state <> 'PENDING') then 'MASS' else 'PENDING' end";
    }

    public record Chunk(UUID runId, int chunkNo, long fromSubject, long toSubject) {
    }

    /** What a chunk did: grants per remedy group (1-based), and subjects another campaign had already covered. */
    public record Result(Map<Integer, Long> perGroup, long overlapping) {
    }

    /**
     * Applies the chunk. {@code others}: the other public campaigns of the same incident, scope and
     * service; when there are none (the usual case) the chunk reads no overlap at all.
     */
    public Result apply(Connection c, Campaign campaign, List<UUID> others, Chunk chunk, String principal, Instant now)
            throws SQLException {
        EligibilitySql terms = new EligibilitySql(campaign.terms());
        String subjectColumn = terms.accountScoped() ? "a.seq" : "s.id";
        SqlText range = new SqlText().add(subjectColumn + " >= ? and " + subjectColumn + " < ?",
                chunk.fromSubject(), chunk.toSubject());
        boolean overlapPossible = !others.isEmpty();
        boolean excluding = overlapPossible && campaign.overlap() == OverlapPolicy.EXCLUDE;
        SqlText eligible = overlapPossible
                ? OverlapSql.markOverlap(terms.grants(range), others, new long[]{chunk.fromSubject(), chunk.toSubject()})
                : terms.grants(range);
        SqlText statement = new SqlText()
                .add("with q as " + (overlapPossible ? "materialized " : "") + "(").add(eligible).add("), ")
                .add("g as (insert into campaign_grant (campaign_id, subject_id, user_id, group_no, run_id, granted_at, "
                        + "billing_date_before, billing_date_after, expires_on_before, expires_on_after, cash_krw) "
                        + "select ?, q.subject_id, q.user_id, q.group_no, ?, ?, q.billing_date_before, q.billing_date_after, "
                        + "q.expires_on_before, q.expires_on_after, q.cash_krw from q"
                        + (excluding ? " where not q.overlapping" : "")
                        + " on conflict do nothing returning *)", campaign.id(), chunk.runId(), now);
        var t = campaign.terms();
        if (t.anyGroupHas(RemedyType.EXTEND_BILLING_DATE) || t.anyGroupHas(RemedyType.EXTEND_EXPIRY)) {
            // the range repeats what g holds, so the planner reads the chunk's rows, not the whole table
            statement.add(", dates as (update subscription s set next_billing_date = g.billing_date_after, "
                    + "expires_on = g.expires_on_after from g where s.id = g.subject_id and s.id >= ? and s.id < ? "
                    + "and (g.billing_date_after is distinct from g.billing_date_before "
                    + "or g.expires_on_after is distinct from g.expires_on_before))", chunk.fromSubject(), chunk.toSubject());
        }
        // a store extension's fallback is cash too, credited at once where no store can be asked
        if (t.anyGroupHas(RemedyType.CREDIT_CASH) || t.anyGroupHas(RemedyType.STORE_EXTENSION)) {
            String reason = campaign.grantReason();
            statement.add(", ledger as (insert into wallet_entry (user_id, amount_krw, reason, source, campaign_id, run_id, "
                            + "subject_id, principal, created_at) select g.user_id, g.cash_krw, ?, 'CAMPAIGN', g.campaign_id, "
                            + "g.run_id, g.subject_id, ?, ? from g where g.cash_krw > 0)", reason, principal, now)
                    .add(", balances as (insert into wallet (user_id, balance_krw) select g.user_id, sum(g.cash_krw) "
                            + "from g where g.cash_krw > 0 group by g.user_id on conflict (user_id) do update "
                            + "set balance_krw = wallet.balance_krw + excluded.balance_krw)");
        }
        if (t.anyGroupHas(RemedyType.STORE_EXTENSION)) {
            int massGroup = t.appleMassGroupNo();
            // recorded with the grant, before anything is sent: StoreRequestWorker sends and settles them
            statement.add(", stores as (insert into store_request (campaign_id, subject_id, user_id, run_id, channel, product_id, "
                    + "store_ref, days, fallback_krw, request_id, state, not_before, created_at) select g.campaign_id, "
                    + "g.subject_id, g.user_id, g.run_id, s.channel, s.store_product_id, "
                    + "coalesce(s.store_original_transaction_id, s.store_purchase_token), "
                    + terms.storeDays("g.group_no") + ", " + terms.storeFallbackKrw("g.group_no") + ", gen_random_uuid(), "
                    + storeRequestState(massGroup) + ", now(), ? from g join subscription s on s.id = g.subject_id "
                    + "and s.id >= ? and s.id < ? where " + terms.storeRouteOf("g.group_no", "s") + " in ('"
                    + EligibilitySql.ROUTE_APPLE + "', '" + EligibilitySql.ROUTE_GOOGLE + "') returning channel, product_id, "
                    + "days, state)", now, chunk.fromSubject(), chunk.toSubject());
            if (massGroup > 0) {
                // one mass request per product, recorded by whichever chunk meets the product first;
                // AppleMassExtensionWorker sends it once every chunk of the run is applied
                statement.add(", masses as (insert into apple_mass_extension (campaign_id, product_id, run_id, request_id, days, "
                        + "storefronts, state, not_before, created_at) select distinct on (product_id) cast(? as uuid), product_id, "
                        + "cast(? as uuid), gen_random_uuid(), days, cast(? as varchar(3)[]), 'PENDING', now(), now() "
                        // created_at in real time: a notification signed before it cannot be about this request
                        + "from stores where state = 'MASS' on conflict do nothing)", campaign.id(), chunk.runId(),
                        t.groups().get(massGroup - 1).appleMassStorefronts().toArray(new String[0]));
            }
        }
        if (campaign.announcement() != null) {
            // the person's notice, in the grant's transaction: told once, and only of what was given
            // (its code is drawn when a worker takes it: see NoticeStore.claim)
            statement.add(", notices as (insert into notice (campaign_id, subject_id, user_id, run_id, not_before, created_at) "
                    + "select g.campaign_id, g.subject_id, g.user_id, g.run_id, now(), ? from g)", now);
        }
        SqlText coupons = perGroupValues(campaign, RemedyType.GRANT_COUPON);
        if (coupons != null) {
            statement.add(", coupons as (insert into coupon (user_id, label, value_krw, valid_until, granted_at, "
                            + "campaign_id, run_id, subject_id) select g.user_id, v.label, v.value_krw, v.valid_until, ?, "
                            + "g.campaign_id, g.run_id, g.subject_id from g join (", now)
                    .add(coupons).add(") v (group_no, label, value_krw, valid_until) on v.group_no = g.group_no)");
        }
        SqlText items = perGroupValues(campaign, RemedyType.GRANT_ITEM);
        if (items != null) {
            statement.add(", items as (insert into granted_item (user_id, item_code, label, valid_until, granted_at, "
                            + "campaign_id, run_id, subject_id) select g.user_id, v.item_code, v.label, "
                            + "case when v.days is null then null else cast(? as timestamptz) + v.days * interval '1 day' end, ?, "
                            + "g.campaign_id, g.run_id, g.subject_id from g join (", now, now)
                    .add(items).add(") v (group_no, item_code, label, days) on v.group_no = g.group_no)");
        }
        statement.add(" select g.group_no, count(*) from g group by g.group_no");
        if (overlapPossible) {
            // group 0 carries the overlap count, which no remedy group can have
            statement.add(" union all select 0, count(*) from q where q.overlapping");
        }
        Map<Integer, Long> perGroup = new TreeMap<>();
        long overlapping = 0;
        try (PreparedStatement ps = Jdbc.prepare(c, statement); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getInt(1) == 0) {
                    overlapping = rs.getLong(2);
                } else {
                    perGroup.put(rs.getInt(1), rs.getLong(2));
                }
            }
        }
        return new Result(perGroup, overlapping);
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
