package kr.outage.compensation.entitlement.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an offer someone saw promises, read from free text in Korean or English: the quantities that
 * make an offer specific ("1000-day", "3일", "1,500원", "1개월", "KRW 2,000"). An offer is
 * checked by its quantities because a scam copies an official campaign's words but not what it gives.
 */
public record OfferDescription(List<Integer> days, List<Integer> months, List<Long> krw) {

    private static final Pattern DAYS = Pattern.compile("(\\d[\\d,]*)\\s*-?\\s*(일|days?\\b)");
    private static final Pattern MONTHS = Pattern.compile("(\\d[\\d,]*)\\s*-?\\s*(개월|달|months?\\b)");
    private static final Pattern WON_AFTER = Pattern.compile("(\\d[\\d,]*)\\s*(원|krw\\b|won\\b)");
    private static final Pattern WON_BEFORE = Pattern.compile("(?:krw|₩|\\\\)\\s*(\\d[\\d,]*)");
    private static final Pattern ONE_MONTH = Pattern.compile("\\b(a|one)[\\s-]+month\\b|한\\s*달");

    public static OfferDescription read(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        List<Integer> days = new ArrayList<>();
        List<Integer> months = new ArrayList<>();
        List<Long> krw = new ArrayList<>();
        for (Matcher m = DAYS.matcher(t); m.find(); ) {
            number(m.group(1)).ifPresent(n -> days.add((int) Math.min(n, Integer.MAX_VALUE)));
        }
        for (Matcher m = MONTHS.matcher(t); m.find(); ) {
            number(m.group(1)).ifPresent(n -> months.add((int) Math.min(n, Integer.MAX_VALUE)));
        }
        if (ONE_MONTH.matcher(t).find()) {
            months.add(1);
        }
        for (Matcher m = WON_AFTER.matcher(t); m.find(); ) {
            number(m.group(1)).ifPresent(krw::add);
        }
        for (Matcher m = WON_BEFORE.matcher(t); m.find(); ) {
            number(m.group(1)).ifPresent(krw::add);
        }
        return new OfferDescription(days, months, krw);
    }

    public boolean specific() {
        return !days.isEmpty() || !months.isEmpty() || !krw.isEmpty();
    }

    /** True when every quantity the offer names is something the campaign actually gives. */
    public boolean matches(CampaignTerms terms) {
        List<Remedy> remedies = terms.groups().stream().flatMap(g -> g.remedies().stream()).toList();
        for (int d : days) {
            if (remedies.stream().noneMatch(r -> r.days() != null && r.days() == d)) {
                return false;
            }
        }
        for (int m : months) {
            if (remedies.stream().noneMatch(r -> r.days() != null && r.days() >= 28 * m && r.days() <= 31 * m)) {
                return false;
            }
        }
        for (long won : krw) {
            if (remedies.stream().noneMatch(r -> r.amountKrw() != null && r.amountKrw() == won)) {
                return false;
            }
        }
        return specific();
    }

    private static java.util.Optional<Long> number(String digits) {
        try {
            return java.util.Optional.of(Long.parseLong(digits.replace(",", "")));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
