package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.OverlapPolicy;
import kr.outage.compensation.entitlement.domain.RemedyGroup;
import kr.outage.compensation.entitlement.domain.RemedyType;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.OverlapSql;
import kr.outage.compensation.entitlement.persistence.EligibilitySql;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.SqlText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dry run: the same eligibility query a run applies, aggregated, in a read-only transaction,
 * with the subjects another campaign of the same incident and service already compensated counted
 * (and, with overlap 'exclude', left out of what would be applied, as the run will leave them out).
 * The preview's transaction is read-only and REPEATABLE READ, so its figures are one moment's.
 */
@ApplicationScoped
public class CampaignPreview {

    static final int SAMPLE_PER_GROUP = 5;

    @Inject
    Jdbc jdbc;
    @Inject
    Campaigns campaigns;
    @Inject
    CampaignStore store;
    @Inject
    Clock clock;

    public PreviewReport preview(java.util.UUID campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        return jdbc.inTransaction(Connection.TRANSACTION_REPEATABLE_READ, c -> {
            try (var s = c.createStatement()) {
                s.execute("set transaction read only");
            }
            return preview(c, campaign);
        });
    }

    private PreviewReport preview(Connection c, Campaign campaign) throws SQLException {
        EligibilitySql terms = new EligibilitySql(campaign.terms());
        boolean excluding = campaign.overlap() == OverlapPolicy.EXCLUDE;
        // eligible subjects, each marked when another campaign of the incident already covers it
        List<Campaign> others = store.overlapping(c, campaign);
        SqlText all = terms.grants(new SqlText().add("true"));
        SqlText marked = new SqlText().add("(").add(others.isEmpty()
                ? new SqlText().add("select q0.*, false as overlapping from (").add(all).add(") q0")
                : OverlapSql.markOverlap(all, others.stream().map(Campaign::id).toList(), null)).add(")");
        String counted = excluding ? "g.subject_id is null and not q.overlapping" : "g.subject_id is null";
        Map<Integer, long[]> perGroup = new HashMap<>();
        SqlText totals = new SqlText().add("select q.group_no, count(*), count(g.subject_id), "
                        + "count(*) filter (where g.subject_id is null and q.overlapping), "
                        + "coalesce(sum(case when " + counted + " then coalesce(q.billing_date_after - q.billing_date_before, 0) "
                        + "+ coalesce(q.expires_on_after - q.expires_on_before, 0) end), 0), "
                        + "coalesce(sum(case when " + counted + " then q.cash_krw end), 0), "
                        + storeCount(counted, EligibilitySql.ROUTE_APPLE) + storeCount(counted, EligibilitySql.ROUTE_GOOGLE)
                        + storeCount(counted, EligibilitySql.ROUTE_NO_STORE) + storeCount(counted, EligibilitySql.ROUTE_APPLE_LIMIT)
                        + "0 from ")
                .add(marked).add(" q left join campaign_grant g on g.subject_id = q.subject_id and g.campaign_id = ?", campaign.id())
                .add(" group by q.group_no");
        try (PreparedStatement ps = Jdbc.prepare(c, totals); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                perGroup.put(rs.getInt(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)});
            }
        }
        List<String> massProducts = massProducts(c, campaign, all);
        List<PreviewReport.GroupPreview> groups = new ArrayList<>();
        long eligible = 0, already = 0, excluded = 0, overlappingAll = 0, days = 0, cash = 0, coupons = 0, items = 0;
        List<RemedyGroup> defined = campaign.terms().groups();
        for (int i = 0; i < defined.size(); i++) {
            RemedyGroup group = defined.get(i);
            long[] f = perGroup.getOrDefault(i + 1, new long[9]);
            long left = excluding ? f[2] : 0;
            long toApply = f[0] - f[1] - left;
            long couponKrw = toApply * group.couponKrw();
            long itemCount = toApply * group.ofType(RemedyType.GRANT_ITEM).size();
            PreviewReport.StoreSplit stores = group.storeDays() == 0 ? null
                    : new PreviewReport.StoreSplit(f[5], f[6], f[7], f[8], group.storeFallbackKrw(), group.appleMass(),
                    group.appleMass() ? massProducts : List.of());
            groups.add(new PreviewReport.GroupPreview(i + 1, group.name(), group.remedies(), f[0], f[1], left, toApply, f[3], f[4],
                    couponKrw, itemCount, stores));
            eligible += f[0];
            already += f[1];
            excluded += left;
            overlappingAll += f[2];
            days += f[3];
            cash += f[4];
            coupons += couponKrw;
            items += itemCount;
        }
        var sums = new PreviewReport.Totals(eligible, already, excluded, eligible - already - excluded, days, cash + coupons,
                cash, coupons, items);
        PreviewReport.Overlap overlap = new PreviewReport.Overlap(campaign.overlap(), campaign.overlapReason(), overlappingAll,
                overlaps(c, campaign, others, all));
        return new PreviewReport(campaign.id(), campaign.code(), clock.instant(), sums, groups, overlap,
                sample(c, campaign, marked, excluding));
    }

    /** The App Store products a mass extension of the campaign would be asked for: one request each. */
    private static List<String> massProducts(Connection c, Campaign campaign, SqlText all) throws SQLException {
        int group = campaign.terms().appleMassGroupNo();
        if (group == 0) {
            return List.of();
        }
        SqlText sql = new SqlText().add("select distinct t.store_product_id from (").add(all)
                .add(") t where t.group_no = ? and t.store_route = '" + EligibilitySql.ROUTE_APPLE + "' order by 1", group);
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String storeCount(String counted, String route) {
        return "count(*) filter (where " + counted + " and q.store_route = '" + route + "'), ";
    }

    /**
     * Per other public campaign of the same incident and service: how many of this campaign's eligible
     * subjects it already compensated, with a few of them. Campaigns not yet applied are listed with 0:
     * whichever runs first compensates the subjects both would grant.
     */
    private List<PreviewReport.OtherCampaign> overlaps(Connection c, Campaign campaign, List<Campaign> others, SqlText all)
            throws SQLException {
        if (others.isEmpty()) {
            return List.of();
        }
        Map<java.util.UUID, Long> counts = new HashMap<>();
        Map<java.util.UUID, List<String>> samples = new HashMap<>();
        SqlText sql = new SqlText().add("select g.campaign_id, count(*), (array_agg(q.user_id order by q.subject_id))[1:"
                        + SAMPLE_PER_GROUP + "] from (").add(all)
                .add(") q join campaign_grant g on g.subject_id = q.subject_id and g.campaign_id = any(?) and g.rolled_back_at is null "
                                + "where not exists (select 1 from campaign_grant mine where mine.subject_id = q.subject_id "
                                + "and mine.campaign_id = ?) group by g.campaign_id",
                        others.stream().map(Campaign::id).toArray(java.util.UUID[]::new), campaign.id());
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                java.util.UUID id = rs.getObject(1, java.util.UUID.class);
                counts.put(id, rs.getLong(2));
                samples.put(id, List.of((String[]) rs.getArray(3).getArray()));
            }
        }
        return others.stream().map(o -> new PreviewReport.OtherCampaign(o.id(), o.code(), o.title(), o.state(),
                counts.getOrDefault(o.id(), 0L), samples.getOrDefault(o.id(), List.of()))).toList();
    }

    private List<PreviewReport.SampleSubject> sample(Connection c, Campaign campaign, SqlText marked, boolean excluding)
            throws SQLException {
        SqlText sql = new SqlText().add("select * from (select q.*, row_number() over (partition by q.group_no "
                        + "order by q.subject_id) as rn from ")
                .add(marked).add(" q where " + (excluding ? "not q.overlapping and " : "") + "not exists (select 1 from campaign_grant g where g.subject_id = q.subject_id "
                        + "and g.campaign_id = ?)) x where rn <= " + SAMPLE_PER_GROUP + " order by group_no, subject_id", campaign.id());
        List<PreviewReport.SampleSubject> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new PreviewReport.SampleSubject(rs.getInt("group_no"), rs.getLong("subject_id"), rs.getString("user_id"),
                        new PreviewReport.PassDates(rs.getObject("billing_date_before", LocalDate.class),
                                rs.getObject("expires_on_before", LocalDate.class)),
                        new PreviewReport.PassDates(rs.getObject("billing_date_after", LocalDate.class),
                                rs.getObject("expires_on_after", LocalDate.class)),
                        rs.getLong("cash_krw")));
            }
        }
        return out;
    }
}
