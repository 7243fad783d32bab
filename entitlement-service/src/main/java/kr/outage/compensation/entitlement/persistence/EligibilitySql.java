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

    /** Where a subject of a store-extension group goes: a request to its store, or the fallback at once. */
    public static final String ROUTE_APPLE = "APPLE", ROUTE_GOOGLE = "GOOGLE",
            ROUTE_NO_STORE = "NO_STORE", ROUTE_APPLE_LIMIT = "APPLE_LIMIT";

    /**
     * Columns: subject_id, user_id, group_no, billing_date_before, billing_date_after,
     * expires_on_before, expires_on_after, cash_krw, store_route, store_product_id, store_ref.
     * {@code restriction} narrows the subjects (an id range, one user) and is written against alias
     * {@code s} (subscription) or {@code a} (account).
     *
     * <p>store_route is null outside store-extension groups; in them it says whether the subscription
     * is asked of its store (APPLE, GOOGLE) or gets the fallback at once, which cash_krw then includes:
     * NO_STORE (no store identity, or the pass no longer renews), APPLE_LIMIT (the suite itself has
     * had it extended twice in the last 365 days, Apple's limit).
     */
    public SqlText grants(SqlText restriction) {
        SqlText inner = accountScoped() ? accountSubjects(restriction) : subscriptionSubjects(restriction);
        String fallback = perGroup(RemedyGroup::storeFallbackKrw);
        return new SqlText()
                .add("select t.subject_id, t.user_id, t.group_no, t.billing_date_before, ")
                .add("t.billing_date_before + " + perGroup(g -> g.passDays(RemedyType.EXTEND_BILLING_DATE)) + " as billing_date_after, ")
                .add("t.expires_on_before, ")
                .add("t.expires_on_before + " + perGroup(g -> g.passDays(RemedyType.EXTEND_EXPIRY)) + " as expires_on_after, ")
                .add("(" + perGroup(RemedyGroup::cashKrw) + (fallback.equals("0") ? "" : " + case when r.store_route in ('"
                        + ROUTE_NO_STORE + "', '" + ROUTE_APPLE_LIMIT + "') then " + fallback + " else 0 end") + ")::bigint as cash_krw, ")
                .add("r.store_route, t.store_product_id, t.store_ref ")
                .add("from (").add(inner).add(") t cross join lateral (select " + storeRoute(!fallback.equals("0"))
                        + " as store_route) r where t.group_no is not null");
    }

    private String storeRoute(boolean anyStoreGroup) {
        if (!anyStoreGroup) {
            return "null::text";
        }
        return storeRoute("t.group_no", "t.channel", "t.store_ref", "t.renewing");
    }

    /**
     * The store route of a subject, from its group and its subscription's columns: usable over the
     * eligibility query ({@code t}) and over a subscription row ({@link #storeRouteOf}).
     */
    private String storeRoute(String group, String channel, String storeRef, String renewing) {
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < terms.groups().size(); i++) {
            if (terms.groups().get(i).storeDays() > 0) {
                groups.append(groups.isEmpty() ? "" : ", ").append(i + 1);
            }
        }
        return "case when " + group + " not in (" + groups + ") then null "
                + "when " + storeRef + " is null or not " + renewing + " then '" + ROUTE_NO_STORE + "' "
                + "when " + channel + " = 'APPLE' and (select count(*) from store_request x where x.store_ref = " + storeRef
                + " and x.state = 'EXTENDED' and x.channel = 'APPLE' and x.settled_at > now() - interval '365 days') >= 2 "
                + "then '" + ROUTE_APPLE_LIMIT + "' else " + channel + " end";
    }

    /**
     * The same route as grants()' store_route, for a grant row {@code groupColumn} of subscription
     * alias {@code s}: a chunk reads it from the subscription by primary key instead of joining the
     * eligibility query's result again, which has no index and would be joined row by row.
     */
    public String storeRouteOf(String groupColumn, String s) {
        return storeRoute(groupColumn, s + ".channel", "coalesce(" + s + ".store_original_transaction_id, " + s
                + ".store_purchase_token)", "(" + s + ".kind = 'RECURRING' and " + s + ".status = 'ACTIVE')");
    }

    /** A CASE over {@code groupColumn} giving each store-extension group's days (0 elsewhere). */
    public String storeDays(String groupColumn) {
        return perGroup(groupColumn, RemedyGroup::storeDays);
    }

    /** A CASE over {@code groupColumn} giving each store-extension group's fallback in won (0 elsewhere). */
    public String storeFallbackKrw(String groupColumn) {
        return perGroup(groupColumn, RemedyGroup::storeFallbackKrw);
    }

    private SqlText subscriptionSubjects(SqlText restriction) {
        SqlText sql = new SqlText()
                .add("select s.id as subject_id, s.user_id, s.next_billing_date as billing_date_before, "
                        + "s.expires_on as expires_on_before, s.channel, s.store_product_id, "
                        + "coalesce(s.store_original_transaction_id, s.store_purchase_token) as store_ref, "
                        + "(s.kind = 'RECURRING' and s.status = 'ACTIVE') as renewing, ")
                .add(groupCase())
                .add(" as group_no from subscription s where ").add(restriction)
                .add(" and s.started_at <= ?", terms.snapshotAt());
        return sql.add(subscriptionFilter(terms.eligibility()));
    }

    private SqlText accountSubjects(SqlText restriction) {
        return new SqlText()
                .add("select a.seq as subject_id, a.user_id, null::date as billing_date_before, "
                        + "null::date as expires_on_before, null::text as channel, null::text as store_product_id, "
                        + "null::text as store_ref, false as renewing, ")
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
        return perGroup("t.group_no", figure);
    }

    private String perGroup(String groupColumn, ToLongFunction<RemedyGroup> figure) {
        StringBuilder sql = new StringBuilder("(case " + groupColumn);
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
