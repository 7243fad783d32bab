package kr.outage.compensation.entitlement.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers written as words, rewritten as digits before an offer's quantities are read, so that
 * "extended by three days", "사흘 연장", "삼일 연장" and "천오백 원" say what "3일" and "1,500원" say.
 * Only a number directly before a unit of time or money is rewritten: the words alone mean too many
 * other things ("오일", "이용").
 */
final class SpelledNumbers {

    private static final Map<String, Integer> ENGLISH = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("sixty", 60), Map.entry("ninety", 90),
            Map.entry("hundred", 100), Map.entry("thousand", 1000));
    private static final Pattern ENGLISH_COUNT = Pattern.compile("\\b(" + String.join("|", ENGLISH.keySet())
            + ")(\\s*-?\\s*(?:(?:extra|more|free|bonus|additional)\\s+)?(?:days?|months?|weeks?)\\b)");
    /** Native Korean words that are a number of days by themselves: 하루 1, 이틀 2, 사흘 3, ... 열흘 10. */
    private static final Map<String, Integer> KOREAN_DAYS = Map.of("하루", 1, "이틀", 2, "사흘", 3, "나흘", 4, "닷새", 5,
            "엿새", 6, "이레", 7, "여드레", 8, "아흐레", 9, "열흘", 10);
    private static final Pattern KOREAN_DAY_WORD = Pattern.compile(String.join("|", KOREAN_DAYS.keySet()));
    /** Native Korean counts of months: 한 달 1, 두 달 2, 세 달 / 석 달 3, 네 달 4. */
    private static final Map<String, Integer> KOREAN_MONTHS = Map.of("한", 1, "두", 2, "세", 3, "석", 3, "네", 4);
    private static final Pattern KOREAN_MONTH_COUNT = Pattern.compile("(한|두|세|석|네)\\s*달");
    /** Sino-Korean numerals directly before 일 (days), 개월 or 원: 삼일, 삼 개월, 천오백 원, 이천원. */
    private static final Pattern SINO = Pattern.compile("(?<![0-9.,])([이삼사오육칠팔구십백천만]+)\\s*(일|개월|원)");
    private static final String SINO_DIGITS = "_일이삼사오육칠팔구";

    private SpelledNumbers() {
    }

    static String asDigits(String normalized) {
        String t = replace(ENGLISH_COUNT, normalized, m -> ENGLISH.get(m.group(1)) + m.group(2));
        t = replace(KOREAN_DAY_WORD, t, m -> KOREAN_DAYS.get(m.group()) + "일");
        t = replace(KOREAN_MONTH_COUNT, t, m -> KOREAN_MONTHS.get(m.group(1)) + "개월");
        return replace(SINO, t, m -> {
            long n = sino(m.group(1));
            return n > 0 ? n + m.group(2) : m.group();
        });
    }

    /** 천오백 = 1500, 삼 = 3, 이만 = 20000, 십오 = 15; 0 for what is not a well-formed number. */
    static long sino(String words) {
        long total = 0;
        long section = 0;
        long digit = 0;
        for (char c : words.toCharArray()) {
            int d = SINO_DIGITS.indexOf(c);
            if (d > 0) {
                if (digit != 0) {
                    return 0;
                }
                digit = d;
            } else {
                long unit = switch (c) {
                    case '십' -> 10;
                    case '백' -> 100;
                    case '천' -> 1000;
                    case '만' -> 10_000;
                    default -> -1;
                };
                if (unit < 0) {
                    return 0;
                }
                if (unit == 10_000) {
                    total += (section + digit == 0 ? 1 : section + digit) * 10_000;
                    section = 0;
                } else {
                    section += (digit == 0 ? 1 : digit) * unit;
                }
                digit = 0;
            }
        }
        return total + section + digit;
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> by) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(by.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
