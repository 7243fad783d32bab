package kr.outage.compensation.entitlement.persistence;

import kr.outage.compensation.entitlement.domain.BillingChannel;
import kr.outage.compensation.entitlement.domain.CampaignScope;
import kr.outage.compensation.entitlement.domain.CampaignTerms;
import kr.outage.compensation.entitlement.domain.RemedyGroup;
import kr.outage.compensation.entitlement.domain.RemedyType;
import kr.outage.compensation.entitlement.domain.SnapshotHolding;
import kr.outage.compensation.entitlement.domain.SubjectMatch;
import kr.outage.compensation.entitlement.domain.SubscriptionKind;
import kr.outage.compensation.entitlement.domain.SubscriptionStatus;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A campaign's terms as one SQL query: every eligible subject, the first remedy group that admits it
 * (1-based), and what the group's remedies make of it. Preview aggregates this query, a run's chunk
 * inserts its rows as grants: both evaluate the same text, which is why preview says what apply does.
 *
 * <p>When a pass "ends": its {@code ended_at} (cancelled or suspended), or for a ticket the end of its
 * last day in Korea, whichever is earlier. Active at the snapshot: started by then and not ended by
 * then. Ended during the outage: ended after the first impairment and no later than the last recovery.
 */
public final class EligibilitySql {

    static final String ZONE = "Asia/Seoul";
    private static final String PASS_END = "least(s.ended_at, case when s.kind = 'TICKET' then "
            + "((s.expires_on + 1)::timestamp at time zone '" + ZONE + "') end)";

    private final CampaignTerms terms;

    public EligibilitySql(CampaignTerms terms) {
        this.terms = terms;
    }

    public boolean accountScoped() {
        return terms.scope() == CampaignScope.ACCOUNTS;
    }

    /**
     * Columns: subject_id, user_id, group_no, billing_date_before, billing_date_after,
     * expires_on_before, expires_on_after, cash_krw. {@code restriction} narrows the subjects
     * (an id range, one user) and is written against alias {@code s} (subscription) or {@code a} (account).
     */
    public SqlText grants(SqlText restriction) {
        SqlText inner = accountScoped() ? accountSubjects(restriction) : subscriptionSubjects(restriction);
        return new SqlText()
                .add("select t.subject_id, t.user_id, t.group_no, t.billing_date_before, ")
                .add("t.billing_date_before + " + perGroup(g -> g.passDays(RemedyType.EXTEND_BILLING_DATE)) + " as billing_date_after, ")
                .add("t.expires_on_before, ")
                .add("t.expires_on_before + " + perGroup(g -> g.passDays(RemedyType.EXTEND_EXPIRY)) + " as expires_on_after, ")
                .add(perGroup(RemedyGroup::cashKrw) + "::bigint as cash_krw ")
                .add("from (").add(inner).add(") t where t.group_no is not null");
    }

    private SqlText subscriptionSubjects(SqlText restriction) {
        SqlText sql = new SqlText()
                .add("select s.id as subject_id, s.user_id, s.next_billing_date as billing_date_before, "
                        + "s.expires_on as expires_on_before, ")
                .add(groupCase())
                .add(" as group_no from subscription s where ").add(restriction)
                .add(" and s.started_at <= ?", terms.snapshotAt());
        return sql.add(subscriptionFilter(terms.eligibility()));
    }

    private SqlText accountSubjects(SqlText restriction) {
        return new SqlText()
                .add("select a.seq as subject_id, a.user_id, null::date as billing_date_before, "
                        + "null::date as expires_on_before, ")
                .add(groupCase())
                .add(" as group_no from account a where ").add(restriction)
                .add(" and a.created_at <= ?", terms.snapshotAt())
                .add(accountFilter(terms.eligibility()));
    }

    private SqlText groupCase() {
        SqlText sql = new SqlText().add("case");
        List<RemedyGroup> groups = terms.groups();
        for (int i = 0; i < groups.size(); i++) {
            SubjectMatch match = groups.get(i).matchOrAny();
            SqlText condition = accountScoped() ? accountFilter(match) : subscriptionFilter(match);
            sql.add(" when true").add(condition).add(" then " + (i + 1));
        }
        return sql.add(" end");
    }

    /** " and ..." conditions for a subscription, or nothing when the match admits every subscription. */
    private SqlText subscriptionFilter(SubjectMatch m) {
        SqlText sql = new SqlText();
        if (!m.productsOrEmpty().isEmpty()) {
            sql.add(" and s.product = any(?)", (Object) m.productsOrEmpty().toArray(String[]::new));
        }
        if (!m.kindsOrEmpty().isEmpty()) {
            sql.add(" and s.kind = any(?)", (Object) m.kindsOrEmpty().stream().map(SubscriptionKind::name).toArray(String[]::new));
        }
        if (!m.channelsOrEmpty().isEmpty()) {
            sql.add(" and s.channel = any(?)", (Object) m.channelsOrEmpty().stream().map(BillingChannel::name).toArray(String[]::new));
        }
        if (!m.statusesOrEmpty().isEmpty()) {
            sql.add(" and s.status = any(?)", (Object) m.statusesOrEmpty().stream().map(SubscriptionStatus::name).toArray(String[]::new));
        }
        if (!m.countriesOrEmpty().isEmpty()) {
            sql.add(" and s.country = any(?)", (Object) m.countriesOrEmpty().toArray(String[]::new));
        }
        return sql.add(" and ").add(holding(m.holdingOrAny()));
    }

    private SqlText accountFilter(SubjectMatch m) {
        SqlText sql = new SqlText();
        if (!m.countriesOrEmpty().isEmpty()) {
            sql.add(" and a.country = any(?)", (Object) m.countriesOrEmpty().toArray(String[]::new));
        }
        return sql;
    }

    private SqlText holding(SnapshotHolding holding) {
        SqlText active = new SqlText().add("(" + PASS_END + " is null or " + PASS_END + " > ?)", terms.snapshotAt());
        SqlText ended = new SqlText().add("(" + PASS_END + " > ? and " + PASS_END + " <= ?)",
                terms.outageFrom(), terms.outageUntil());
        return switch (holding) {
            case ACTIVE_AT_SNAPSHOT -> active;
            case ENDED_DURING_OUTAGE -> ended;
            case ANY -> new SqlText().add("(").add(active).add(" or ").add(ended).add(")");
        };
    }

    /** A CASE over t.group_no giving each group's figure; the figures are validated numbers, not caller text. */
    private String perGroup(ToLongFunction<RemedyGroup> figure) {
        StringBuilder sql = new StringBuilder("(case t.group_no");
        boolean any = false;
        for (int i = 0; i < terms.groups().size(); i++) {
            long value = figure.applyAsLong(terms.groups().get(i));
            if (value != 0) {
                sql.append(" when ").append(i + 1).append(" then ").append(value);
                any = true;
            }
        }
        return any ? sql.append(" else 0 end)").toString() : "0";
    }
}
