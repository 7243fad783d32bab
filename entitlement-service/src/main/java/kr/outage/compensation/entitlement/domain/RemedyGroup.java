package kr.outage.compensation.entitlement.domain;

import java.util.List;

/** A named set of remedies for the subjects its filter admits; groups are tried in order and the first match wins. */
public record RemedyGroup(String name, SubjectMatch match, List<Remedy> remedies) {

    public SubjectMatch matchOrAny() {
        return match == null ? SubjectMatch.any() : match;
    }

    public int passDays(RemedyType type) {
        return remedies.stream().filter(r -> r.type() == type).mapToInt(Remedy::passDays).sum();
    }

    public long cashKrw() {
        return remedies.stream().filter(r -> r.type() == RemedyType.CREDIT_CASH).mapToLong(Remedy::krw).sum();
    }

    /** Days a store extension asks for (0: the group has none). */
    public int storeDays() {
        return remedies.stream().filter(r -> r.type() == RemedyType.STORE_EXTENSION && r.days() != null)
                .mapToInt(Remedy::days).sum();
    }

    /** Whether this group's App Store subscriptions go in one mass extension per product. */
    public boolean appleMass() {
        return remedies.stream().anyMatch(r -> r != null && r.appleMass());
    }

    /** The mass extension's storefronts (empty: all), when {@link #appleMass()}. */
    public java.util.List<String> appleMassStorefronts() {
        return remedies.stream().filter(r -> r != null && r.appleMass()).findFirst()
                .map(r -> r.appleMassExtension().storefronts()).orElse(java.util.List.of());
    }

    public long storeFallbackKrw() {
        return remedies.stream().mapToLong(Remedy::fallbackKrw).sum();
    }

    public long couponKrw() {
        return remedies.stream().filter(r -> r.type() == RemedyType.GRANT_COUPON).mapToLong(Remedy::krw).sum();
    }

    /** Null entries are skipped: the rules report them as errors of their own, after counting these. */
    public List<Remedy> ofType(RemedyType type) {
        return remedies.stream().filter(r -> r != null && r.type() == type).toList();
    }
}
