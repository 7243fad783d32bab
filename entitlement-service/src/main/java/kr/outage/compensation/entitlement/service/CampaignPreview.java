package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.RemedyGroup;
import kr.outage.compensation.entitlement.domain.RemedyType;
import kr.outage.compensation.entitlement.persistence.EligibilitySql;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.SqlText;
import kr.outage.compensation.entitlement.rest.PreviewView;

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

/** The dry run: the same eligibility query a run applies, aggregated, in a read-only transaction. */
@ApplicationScoped
public class CampaignPreview {

    static final int SAMPLE_PER_GROUP = 5;

    @Inject
    Jdbc jdbc;
    @Inject
    Campaigns campaigns;
    @Inject
    Clock clock;

    public PreviewView preview(java.util.UUID campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        return jdbc.inTransaction(Connection.TRANSACTION_REPEATABLE_READ, c -> {
            try (var s = c.createStatement()) {
                s.execute("set transaction read only");
            }
            return preview(c, campaign);
        });
    }

    private PreviewView preview(Connection c, Campaign campaign) throws SQLException {
        EligibilitySql terms = new EligibilitySql(campaign.terms());
        SqlText all = terms.grants(new SqlText().add("true"));
        Map<Integer, long[]> perGroup = new HashMap<>();
        SqlText totals = new SqlText().add("select q.group_no, count(*), count(g.subject_id), "
                        + "coalesce(sum(case when g.subject_id is null then coalesce(q.billing_date_after - q.billing_date_before, 0) "
                        + "+ coalesce(q.expires_on_after - q.expires_on_before, 0) end), 0), "
                        + "coalesce(sum(case when g.subject_id is null then q.cash_krw end), 0) from (")
                .add(all).add(") q left join campaign_grant g on g.subject_id = q.subject_id and g.campaign_id = ?", campaign.id())
                .add(" group by q.group_no");
        try (PreparedStatement ps = Jdbc.prepare(c, totals); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                perGroup.put(rs.getInt(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            }
        }
        List<PreviewView.GroupPreview> groups = new ArrayList<>();
        long eligible = 0, already = 0, days = 0, cash = 0, coupons = 0, items = 0;
        List<RemedyGroup> defined = campaign.terms().groups();
        for (int i = 0; i < defined.size(); i++) {
            RemedyGroup group = defined.get(i);
            long[] f = perGroup.getOrDefault(i + 1, new long[4]);
            long toApply = f[0] - f[1];
            long couponKrw = toApply * group.couponKrw();
            long itemCount = toApply * group.ofType(RemedyType.GRANT_ITEM).size();
            groups.add(new PreviewView.GroupPreview(i + 1, group.name(), group.remedies(), f[0], f[1], toApply, f[2], f[3],
                    couponKrw, itemCount));
            eligible += f[0];
            already += f[1];
            days += f[2];
            cash += f[3];
            coupons += couponKrw;
            items += itemCount;
        }
        var sums = new PreviewView.Totals(eligible, already, eligible - already, days, cash + coupons, cash, coupons, items);
        return new PreviewView(campaign.id(), campaign.code(), clock.instant(), sums, groups, sample(c, campaign, all));
    }

    private List<PreviewView.SampleSubject> sample(Connection c, Campaign campaign, SqlText all) throws SQLException {
        SqlText sql = new SqlText().add("select * from (select q.*, row_number() over (partition by q.group_no "
                        + "order by q.subject_id) as rn from (")
                .add(all).add(") q where not exists (select 1 from campaign_grant g where g.subject_id = q.subject_id "
                        + "and g.campaign_id = ?)) x where rn <= " + SAMPLE_PER_GROUP + " order by group_no, subject_id", campaign.id());
        List<PreviewView.SampleSubject> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new PreviewView.SampleSubject(rs.getInt("group_no"), rs.getLong("subject_id"), rs.getString("user_id"),
                        new PreviewView.PassDates(rs.getObject("billing_date_before", LocalDate.class),
                                rs.getObject("expires_on_before", LocalDate.class)),
                        new PreviewView.PassDates(rs.getObject("billing_date_after", LocalDate.class),
                                rs.getObject("expires_on_after", LocalDate.class)),
                        rs.getLong("cash_krw")));
            }
        }
        return out;
    }
}
