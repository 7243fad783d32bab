package kr.outage.compensation.entitlement.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an offer promises, read from its normalised text in Korean or English: the quantities that
 * make an offer specific ("1000-day", "3일", "1,500원", "1만원", "1개월", "KRW 2,000", "50%"). Dates
 * and times are taken out first, so "10월 15일" or "Oct 15" is not read as 15 days; numbers spelled
 * out before a unit ("three days", "사흘", "삼일", "천오백 원") are read as digits ({@link SpelledNumbers}). An offer is checked
 * by its quantities because a scam copies an official campaign's words but not what it gives.
 */
public record OfferDescription(List<Integer> days, List<Integer> months, List<Long> krw, List<Integer> percents) {

    private static final String MONTH_NAMES = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern DATES = Pattern.compile(String.join("|",
            "\\d{4}\\s*년(?:\\s*\\d{1,2}\\s*월)?(?:\\s*\\d{1,2}\\s*일)?",
            "\\d{1,2}\\s*월\\s*\\d{1,2}\\s*일",
            "\\d{1,2}\\s*월(?!\\s*\\d)",
            "\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}",
            "\\d{1,2}/\\d{1,2}",
            "\\d{1,2}:\\d{2}(?::\\d{2})?",
            MONTH_NAMES + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s*\\d{4})?",
            "\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH_NAMES + "(?:,?\\s*\\d{4})?"));
    /** "3 extra days", "7 more days": English puts a word between the number and its unit. */
    private static final String EXTRA = "(?:(?:extra|more|free|bonus|additional)\\s+)?";
    private static final Pattern DAYS = Pattern.compile("(\\d[\\d,]*)\\s*-?\\s*" + EXTRA + "(?:일|days?\\b)");
    private static final Pattern MONTHS = Pattern.compile("(\\d[\\d,]*)\\s*-?\\s*" + EXTRA + "(?:개월|달|months?\\b)");
    private static final Pattern ONE_MONTH = Pattern.compile("\\b(?:a|one)[\\s-]+month\\b|한\\s*달");
    private static final Pattern WON_AFTER = Pattern.compile("(\\d[\\d,]*)\\s*(만|천)?\\s*(?:원|krw\\b|won\\b|캐시|cash\\b)");
    private static final Pattern WON_BEFORE = Pattern.compile("(?:krw|₩|\\\\)\\s*(\\d[\\d,]*)");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})\\s*(?:%|퍼센트|percent\\b)");

    /** Reads a normalised text (see {@link OfferText}). */
    public static OfferDescription read(String normalized) {
        String t = SpelledNumbers.asDigits(DATES.matcher(normalized).replaceAll(" "));
        List<Integer> days = new ArrayList<>();
        List<Integer> months = new ArrayList<>();
        List<Long> krw = new ArrayList<>();
        List<Integer> percents = new ArrayList<>();
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
            long unit = m.group(2) == null ? 1 : m.group(2).equals("만") ? 10_000 : 1_000;
            number(m.group(1)).ifPresent(n -> krw.add(n > Long.MAX_VALUE / unit ? Long.MAX_VALUE : n * unit));
        }
        for (Matcher m = WON_BEFORE.matcher(t); m.find(); ) {
            number(m.group(1)).ifPresent(krw::add);
        }
        for (Matcher m = PERCENT.matcher(t); m.find(); ) {
            number(m.group(1)).ifPresent(n -> percents.add(n.intValue()));
        }
        return new OfferDescription(List.copyOf(days), List.copyOf(months), List.copyOf(krw), List.copyOf(percents));
    }

    public boolean specific() {
        return !days.isEmpty() || !months.isEmpty() || !krw.isEmpty() || !percents.isEmpty();
    }

    /** True when every quantity the offer names is something one of the campaigns actually gives. */
    public boolean allGivenBy(List<Campaign> campaigns) {
        List<Remedy> remedies = campaigns.stream().flatMap(c -> given(c).stream()).toList();
        return specific() && percents.isEmpty()
                && days.stream().allMatch(d -> remedies.stream().anyMatch(r -> r.days() != null && r.days().intValue() == d))
                && months.stream().allMatch(m -> remedies.stream().anyMatch(r -> r.days() != null
                        && r.days() >= 28L * m && r.days() <= 31L * m))
                && krw.stream().allMatch(w -> remedies.stream().anyMatch(r -> r.amountKrw() != null && r.amountKrw().longValue() == w));
    }

    /** True when the campaign gives at least one of the quantities. */
    public boolean anyGivenBy(Campaign campaign) {
        List<Remedy> remedies = given(campaign);
        return days.stream().anyMatch(d -> remedies.stream().anyMatch(r -> r.days() != null && r.days().intValue() == d))
                || months.stream().anyMatch(m -> remedies.stream().anyMatch(r -> r.days() != null
                        && r.days() >= 28L * m && r.days() <= 31L * m))
                || krw.stream().anyMatch(w -> remedies.stream().anyMatch(r -> r.amountKrw() != null && r.amountKrw().longValue() == w));
    }

    /** Every remedy the campaign may give, a store extension's fallback included (its 1,500 KRW is promised too). */
    private static List<Remedy> given(Campaign campaign) {
        return campaign.terms().groups().stream().flatMap(g -> g.remedies().stream())
                .flatMap(r -> r.fallback() == null ? java.util.stream.Stream.of(r) : java.util.stream.Stream.of(r, r.fallback()))
                .toList();
    }

    private static Optional<Long> number(String digits) {
        try {
            return Optional.of(Long.parseLong(digits.replace(",", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
