package kr.outage.compensation.entitlement.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes a campaign's terms coherent, checked before anything is stored: every problem is
 * reported with the field it concerns, not just the first.
 */
public final class CampaignRules {

    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    public static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    static final int MAX_DAYS = 366;
    static final int MAX_ITEM_DAYS = 3650;
    static final long MAX_KRW = 1_000_000;
    static final int MAX_GROUPS = 20;
    /** The App Store's limit for one extension; Google Play's deferral allows more, the suite keeps to the lower. */
    static final int MAX_STORE_DAYS = 90;

    private CampaignRules() {
    }

    public record Violation(String field, String message) {
    }

    /** The terms, plus what the definition adds: service names of named services only, a reason for a top-up. */
    public static List<Violation> check(CampaignDefinition definition, CampaignTerms terms) {
        List<Violation> out = new ArrayList<>(check(terms));
        definition.serviceNamesOrEmpty().forEach((service, names) -> {
            if (!definition.services().contains(service)) {
                out.add(new Violation("serviceNames." + service, "names a service the campaign does not list in services"));
            }
            if (names != null && names.stream().anyMatch(n -> n == null || n.isBlank())) {
                out.add(new Violation("serviceNames." + service, "names must not be blank"));
            }
        });
        if (definition.overlapOrDefault() == OverlapPolicy.ALLOW
                && (definition.overlapReason() == null || definition.overlapReason().isBlank())) {
            out.add(new Violation("overlapReason", "is required with overlap 'allow': say why these subjects are compensated again"));
        }
        return out;
    }

    public static List<Violation> check(CampaignTerms terms) {
        List<Violation> out = new ArrayList<>();
        boolean accounts = terms.scope() == CampaignScope.ACCOUNTS;
        checkMatch("eligibility", terms.eligibility(), accounts, out);
        if (terms.groups() == null || terms.groups().isEmpty()) {
            out.add(new Violation("groups", "must list at least one remedy group"));
            return out;
        }
        if (terms.groups().size() > MAX_GROUPS) {
            out.add(new Violation("groups", "must list at most " + MAX_GROUPS + " groups"));
        }
        int claimables = 0;
        int appleMassGroups = 0;
        for (int g = 0; g < terms.groups().size(); g++) {
            RemedyGroup group = terms.groups().get(g);
            String at = "groups[" + g + "]";
            if (group == null) {
                out.add(new Violation(at, "must not be null"));
                continue;
            }
            if (group.name() == null || group.name().isBlank() || group.name().length() > 100) {
                out.add(new Violation(at + ".name", "must be 1 to 100 characters"));
            }
            checkMatch(at + ".match", group.matchOrAny(), accounts, out);
            if (group.remedies() == null || group.remedies().isEmpty()) {
                out.add(new Violation(at + ".remedies", "must list at least one remedy"));
                continue;
            }
            for (RemedyType once : List.of(RemedyType.EXTEND_BILLING_DATE, RemedyType.EXTEND_EXPIRY, RemedyType.CREDIT_CASH,
                    RemedyType.STORE_EXTENSION)) {
                if (group.ofType(once).size() > 1) {
                    out.add(new Violation(at + ".remedies", once.wire() + " may appear once per group"));
                }
            }
            // one pass, one owner of its renewal date: the suite moves direct billing, the store its own
            if (!group.ofType(RemedyType.STORE_EXTENSION).isEmpty() && !group.ofType(RemedyType.EXTEND_BILLING_DATE).isEmpty()) {
                out.add(new Violation(at + ".remedies", "store_extension and extend_billing_date cannot share a group: "
                        + "put in-app passes (channels apple, google) and direct ones in groups of their own"));
            }
            for (int r = 0; r < group.remedies().size(); r++) {
                Remedy remedy = group.remedies().get(r);
                String rat = at + ".remedies[" + r + "]";
                if (remedy == null || remedy.type() == null) {
                    out.add(new Violation(rat + ".type", "is required"));
                    continue;
                }
                if (remedy.type() == RemedyType.CLAIMABLE_ITEM) {
                    claimables++;
                }
                if (remedy.appleMassExtension() != null && remedy.type() != RemedyType.STORE_EXTENSION) {
                    out.add(new Violation(rat + ".appleMassExtension", "belongs to a store_extension only"));
                } else if (remedy.appleMass()) {
                    appleMassGroups++;
                }
                checkRemedy(rat, remedy, accounts, terms.snapshotAt(), out);
            }
        }
        if (claimables > 1) {
            out.add(new Violation("groups", "a campaign may have at most one claimable_item"));
        }
        // Apple extends every active subscriber of the product once per mass request: two groups asking
        // would extend the same people twice
        if (appleMassGroups > 1) {
            out.add(new Violation("groups", "at most one group may use appleMassExtension: Apple extends every active "
                    + "subscriber of a product with each mass request"));
        }
        return out;
    }

    private static void checkMatch(String at, SubjectMatch m, boolean accounts, List<Violation> out) {
        if (m == null) {
            return;
        }
        for (String p : m.productsOrEmpty()) {
            if (p == null || !KEY.matcher(p).matches()) {
                out.add(new Violation(at + ".products", "must be lower-case keys like 'melon-premium'"));
            }
        }
        for (String c : m.countriesOrEmpty()) {
            if (c == null || !COUNTRY.matcher(c).matches()) {
                out.add(new Violation(at + ".countries", "must be ISO 3166 alpha-2 codes like 'KR'"));
            }
        }
        if (m.kindsOrEmpty().stream().anyMatch(java.util.Objects::isNull) || m.channelsOrEmpty().stream().anyMatch(java.util.Objects::isNull)
                || m.statusesOrEmpty().stream().anyMatch(java.util.Objects::isNull)) {
            out.add(new Violation(at, "lists must not contain null"));
        }
        if (accounts && (!m.productsOrEmpty().isEmpty() || !m.kindsOrEmpty().isEmpty() || !m.channelsOrEmpty().isEmpty()
                || !m.statusesOrEmpty().isEmpty() || m.holdingOrAny() != SnapshotHolding.ANY)) {
            out.add(new Violation(at, "an account-scoped campaign can filter by countries only"));
        }
    }

    private static void checkRemedy(String at, Remedy r, boolean accounts, Instant snapshot, List<Violation> out) {
        switch (r.type()) {
            case EXTEND_BILLING_DATE, EXTEND_EXPIRY -> {
                if (accounts) {
                    out.add(new Violation(at + ".type", "changes a pass, so it needs scope subscriptions"));
                }
                requireDays(at, r.days(), 1, MAX_DAYS, out);
            }
            case CREDIT_CASH -> requireKrw(at, r.amountKrw(), out);
            case GRANT_ITEM -> {
                requireItem(at, r, out);
                if (r.days() != null) {
                    requireDays(at, r.days(), 1, MAX_ITEM_DAYS, out);
                }
            }
            case GRANT_COUPON -> {
                requireKrw(at, r.amountKrw(), out);
                requireLabel(at, r.label(), out);
                if (r.validUntil() == null) {
                    out.add(new Violation(at + ".validUntil", "is required for a coupon"));
                } else if (snapshot != null && !r.validUntil().isAfter(snapshot)) {
                    out.add(new Violation(at + ".validUntil", "must be after the snapshot"));
                }
            }
            case STORE_EXTENSION -> {
                if (accounts) {
                    out.add(new Violation(at + ".type", "extends a subscription, so it needs scope subscriptions"));
                }
                requireDays(at, r.days(), 1, MAX_STORE_DAYS, out);
                Remedy fallback = r.fallback();
                if (fallback == null || fallback.type() != RemedyType.CREDIT_CASH) {
                    out.add(new Violation(at + ".fallback", "is required: a credit_cash remedy for subscriptions the store "
                            + "cannot extend"));
                } else {
                    requireKrw(at + ".fallback", fallback.amountKrw(), out);
                }
                checkAppleMass(at + ".appleMassExtension", r.appleMassExtension(), out);
            }
            case CLAIMABLE_ITEM -> {
                requireItem(at, r, out);
                if (r.days() != null) {
                    requireDays(at, r.days(), 1, MAX_ITEM_DAYS, out);
                }
                if (r.cap() == null || r.cap() < 1) {
                    out.add(new Violation(at + ".cap", "must be a positive number of claimants"));
                }
                if (r.claimDeadline() == null) {
                    out.add(new Violation(at + ".claimDeadline", "is required for a claimable item"));
                } else if (snapshot != null && !r.claimDeadline().isAfter(snapshot)) {
                    out.add(new Violation(at + ".claimDeadline", "must be after the snapshot"));
                }
            }
        }
    }

    /** Apple's storefront codes are ISO 3166-1 alpha-3. */
    static final Pattern STOREFRONT = Pattern.compile("[A-Z]{3}");
    static final int MAX_STOREFRONTS = 200;

    private static void checkAppleMass(String at, AppleMassExtension mass, List<Violation> out) {
        if (mass == null) {
            return;
        }
        List<String> codes = mass.storefronts();
        if (codes.size() > MAX_STOREFRONTS) {
            out.add(new Violation(at + ".storefrontCountryCodes", "may list at most " + MAX_STOREFRONTS + " storefronts"));
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) == null || !STOREFRONT.matcher(codes.get(i)).matches()) {
                out.add(new Violation(at + ".storefrontCountryCodes[" + i + "]", "must be an ISO 3166-1 alpha-3 code such as KOR"));
            } else if (codes.indexOf(codes.get(i)) != i) {
                out.add(new Violation(at + ".storefrontCountryCodes[" + i + "]", "is listed twice"));
            }
        }
    }

    private static void requireDays(String at, Integer days, int min, int max, List<Violation> out) {
        if (days == null || days < min || days > max) {
            out.add(new Violation(at + ".days", "must be between " + min + " and " + max));
        }
    }

    private static void requireKrw(String at, Long krw, List<Violation> out) {
        if (krw == null || krw < 1 || krw > MAX_KRW) {
            out.add(new Violation(at + ".amountKrw", "must be whole won between 1 and " + MAX_KRW));
        }
    }

    private static void requireItem(String at, Remedy r, List<Violation> out) {
        if (r.itemCode() == null || !KEY.matcher(r.itemCode()).matches()) {
            out.add(new Violation(at + ".itemCode", "must be a lower-case key like 'emoticon-ryan-2022'"));
        }
        requireLabel(at, r.label(), out);
    }

    private static void requireLabel(String at, String label, List<Violation> out) {
        if (label == null || label.isBlank() || label.length() > 200) {
            out.add(new Violation(at + ".label", "must be 1 to 200 characters"));
        }
    }
}
