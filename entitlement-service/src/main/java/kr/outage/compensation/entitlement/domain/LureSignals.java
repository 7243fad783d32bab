package kr.outage.compensation.entitlement.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of the lures that ride on an outage (the 2019 fake "1000-day pass", the 2022 fake
 * installers and phishing texts): a link or domain outside the operator's own, a shortened link, a
 * request to log in, install something, call a number, pay or transfer money, or give a card number,
 * password, verification code or resident registration number; and text disguised with hidden
 * characters or look-alike letters. A real compensation is applied to the account by itself and asks
 * for none of these, so any one of them makes an offer suspicious, whatever else it matches.
 *
 * <p>Keywords are request-shaped where the bare word also appears in real notices ("정기결제일" is the
 * next billing date, not a request to pay).
 */
public final class LureSignals {

    /** What was found and where: {@code evidence} is the part of the text that showed it. */
    public record Signal(Kind kind, String evidence) {
    }

    public enum Kind {
        UNOFFICIAL_LINK, SHORTENED_LINK, CLICK_LINK, LOGIN_REQUEST, APP_INSTALL, PHONE_NUMBER, PAYMENT_REQUEST,
        CARD_NUMBER, PASSWORD, VERIFICATION_CODE, RESIDENT_NUMBER, HIDDEN_CHARACTERS, LOOK_ALIKE_LETTERS
    }

    private static final Pattern HOST = Pattern.compile("(?:(?:https?|hxxps?)://)?(?<![\\w@.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
            + "(?:[a-z]{2,24}|xn--[a-z0-9-]{2,59}))(?![\\w-])(?::\\d{1,5})?(?:/\\S*)?");
    private static final Pattern SCHEME_LINK = Pattern.compile("(?:https?|hxxps?)://([^\\s/:?#]+)");
    private static final Set<String> SHORTENERS = Set.of("bit.ly", "han.gl", "me2.do", "vo.la", "url.kr", "t.co", "goo.gl",
            "tinyurl.com", "is.gd", "buly.kr", "c11.kr", "ow.ly", "rb.gy", "cutt.ly", "shorturl.at", "naver.me", "t.ly",
            "tiny.cc", "bitly.com", "lrl.kr", "muz.so", "abit.ly");
    /**
     * Top-level domains a bare name must end in to count as a link ("pass.Apply" with a missing space
     * is not one); a link with a scheme counts whatever its ending.
     */
    private static final Set<String> BARE_TLDS = Set.of("com", "net", "org", "kr", "io", "me", "ly", "gl", "do", "la", "xyz",
            "top", "site", "info", "biz", "app", "zip", "shop", "club", "online", "link", "cc", "tk", "ml", "ga", "cf", "gq",
            "ru", "cn", "us", "to", "so", "gd", "at", "kim", "vip", "live", "click", "pw", "ws", "co", "example", "store",
            "icu", "win", "bid", "work", "page", "mobi", "asia", "jp", "tv", "gift", "events", "event", "promo", "ai", "dev");

    private static final Map<Kind, Pattern> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put(Kind.CLICK_LINK, Pattern.compile("링크\\s*(?:를|을)?\\s*(?:클릭|누르|눌러|터치|확인하|접속)|아래\\s*링크|접속\\s*(?:하세요|해|하여|하시)"
                + "|click\\s+(?:the\\s+|this\\s+)?(?:link|here|below)|tap\\s+(?:the\\s+|this\\s+)?link|open\\s+(?:the\\s+|this\\s+)link"
                + "|follow\\s+(?:the\\s+|this\\s+)link|visit\\s+(?:the\\s+|this\\s+)link"));
        WORDS.put(Kind.LOGIN_REQUEST, Pattern.compile("로그인\\s*(?:하|해|후|을\\s*해|이\\s*필요)|(?:log\\s*in|login|sign\\s*in)\\s+(?:to|at|with|here|now)"));
        WORDS.put(Kind.APP_INSTALL, Pattern.compile("설치|다운로드|다운\\s*받|\\.apk\\b|\\.exe\\b|\\.zip\\b|\\.msi\\b|\\bapk\\b|업데이트\\s*파일"
                + "|\\binstall|\\bdownload|update\\s*file"));
        WORDS.put(Kind.PHONE_NUMBER, Pattern.compile("전화\\s*(?:주|하|해|로\\s*문의|바랍)|call\\s+(?:us|now|this|the\\s+number)"));
        WORDS.put(Kind.PAYMENT_REQUEST, Pattern.compile("송금\\s*(?:하|해|후)|입금\\s*(?:하|해|후|계좌)|이체\\s*(?:하|해|후)|수수료|배송비|선결제"
                + "|결제\\s*(?:하세요|해\\s*주|해야|후\\s)|결제를\\s*(?:진행|완료)|계좌\\s*번호|상품권\\s*(?:구매|번호)"
                + "|\\bpay\\s+(?:a|the|\\d|₩|krw|for)|payment\\s+of|\\bfee\\b|\\bfees\\b|transfer\\s|\\bdeposit|send\\s+money|\\bwire\\b"
                + "|bank\\s+account|gift\\s*card"));
        WORDS.put(Kind.CARD_NUMBER, Pattern.compile("카드\\s*(?:번호|정보)|card\\s+(?:number|details|info)|credit\\s*card|debit\\s*card|\\bcvc\\b|\\bcvv\\b"));
        WORDS.put(Kind.PASSWORD, Pattern.compile("비밀\\s*번호|비번|패스워드|password|passcode|\\bpin\\s*(?:번호|number|code)?\\b"));
        WORDS.put(Kind.VERIFICATION_CODE, Pattern.compile("인증\\s*(?:번호|코드)|확인\\s*코드|승인\\s*번호|verification\\s+code|security\\s+code"
                + "|\\botp\\b|one[\\s-]time\\s+(?:code|password)|auth(?:entication)?\\s+code"));
        WORDS.put(Kind.RESIDENT_NUMBER, Pattern.compile("주민\\s*(?:등록)?\\s*번호|resident\\s+(?:registration\\s+)?number|social\\s+security"));
    }

    private static final Pattern PHONE = Pattern.compile(String.join("|",
            "(?<![\\d,])(?:\\+?82[-.\\s]?)?0?1[016789][-.\\s)]?\\d{3,4}[-.\\s]?\\d{4}(?!\\d)",
            "(?<![\\d,])0(?:2|[3-6][1-5]|70|80)[-.\\s)]\\d{3,4}[-.\\s]\\d{4}(?!\\d)",
            "(?<![\\d,])1[5-9]\\d{2}-\\d{4}(?![\\d,]|\\s*원)",
            "\\+\\d{1,3}[\\s-]?\\(?\\d{2,4}\\)?[\\s-]?\\d{3,4}[\\s-]?\\d{4}(?!\\d)"));
    private static final Pattern CARD_DIGITS = Pattern.compile("(?<!\\d)(?:\\d{4}[-\\s]){3}\\d{4}(?!\\d)");

    private LureSignals() {
    }

    /**
     * Every signal in the text. {@code officialDomains}: the operator's own domains (a host that is one
     * of them or below one is not a signal).
     */
    public static List<Signal> find(OfferText text, List<String> officialDomains) {
        List<Signal> out = new ArrayList<>();
        String t = text.normalized();
        for (String host : hosts(t)) {
            if (SHORTENERS.contains(host)) {
                out.add(new Signal(Kind.SHORTENED_LINK, host));
            } else if (officialDomains.stream().noneMatch(d -> host.equals(d) || host.endsWith("." + d))) {
                out.add(new Signal(Kind.UNOFFICIAL_LINK, host));
            }
        }
        for (Map.Entry<Kind, Pattern> word : WORDS.entrySet()) {
            Matcher m = word.getValue().matcher(t);
            if (m.find()) {
                out.add(new Signal(word.getKey(), m.group().trim()));
            }
        }
        Matcher card = CARD_DIGITS.matcher(t);
        if (card.find() && out.stream().noneMatch(s -> s.kind() == Kind.CARD_NUMBER)) {
            out.add(new Signal(Kind.CARD_NUMBER, card.group()));
        }
        Matcher phone = PHONE.matcher(CARD_DIGITS.matcher(t).replaceAll(" "));
        if (phone.find()) {
            out.removeIf(s -> s.kind() == Kind.PHONE_NUMBER);
            out.add(new Signal(Kind.PHONE_NUMBER, phone.group().trim()));
        }
        if (text.hadHiddenCharacters()) {
            out.add(new Signal(Kind.HIDDEN_CHARACTERS, "zero-width"));
        }
        if (text.mixesAlphabets()) {
            out.add(new Signal(Kind.LOOK_ALIKE_LETTERS, "latin+cyrillic/greek"));
        }
        return out;
    }

    /** Host names in the text: in links with a scheme, and bare domains such as "kakao-event.kr/gift". */
    static List<String> hosts(String t) {
        List<String> out = new ArrayList<>();
        for (Matcher m = SCHEME_LINK.matcher(t); m.find(); ) {
            addHost(out, m.group(1));
        }
        for (Matcher m = HOST.matcher(t); m.find(); ) {
            String host = m.group(1);
            boolean withScheme = m.group().contains("://");
            if (withScheme || host.startsWith("www.") || BARE_TLDS.contains(host.substring(host.lastIndexOf('.') + 1))) {
                addHost(out, host);
            }
        }
        return out;
    }

    private static void addHost(List<String> out, String host) {
        String h = host.startsWith("www.") ? host.substring(4) : host;
        if (!out.contains(h)) {
            out.add(h);
        }
    }
}
