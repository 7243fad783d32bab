package kr.outage.compensation.entitlement.domain;

import java.util.List;

/**
 * Which subjects a filter admits. An empty or absent list means "any". For account-scoped campaigns
 * only {@code countries} applies (accounts have no product, kind or channel).
 */
public record SubjectMatch(List<String> products, List<SubscriptionKind> kinds, List<BillingChannel> channels,
                           List<SubscriptionStatus> statuses, List<String> countries, SnapshotHolding holding) {

    public static SubjectMatch any() {
        return new SubjectMatch(List.of(), List.of(), List.of(), List.of(), List.of(), SnapshotHolding.ANY);
    }

    public List<String> productsOrEmpty() {
        return products == null ? List.of() : products;
    }

    public List<SubscriptionKind> kindsOrEmpty() {
        return kinds == null ? List.of() : kinds;
    }

    public List<BillingChannel> channelsOrEmpty() {
        return channels == null ? List.of() : channels;
    }

    public List<SubscriptionStatus> statusesOrEmpty() {
        return statuses == null ? List.of() : statuses;
    }

    public List<String> countriesOrEmpty() {
        return countries == null ? List.of() : countries;
    }

    public SnapshotHolding holdingOrAny() {
        return holding == null ? SnapshotHolding.ANY : holding;
    }
}
