package kr.outage.compensation.entitlement.domain;

import kr.outage.compensation.platform.notice.NoticeCode;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * "Is this compensation real?", decided from the text someone saw and the public campaigns.
 *
 * <ol>
 *   <li>A text carrying a notice code ({@link NoticeCode}) is judged by the notice alone: {@code official}
 *   when it is, word for word, the notice that was sent with that code; {@code altered} when the code is
 *   real but the words are not what was sent (what was added and left out is said); {@code not_official}
 *   when no notice that reached anyone has that code.</li>
 *   <li>Any lure signal ({@link LureSignals}) makes it {@code suspicious}, whatever it otherwise matches:
 *   a scam pastes the real code and the real amounts next to its link.</li>
 *   <li>A text naming another service (Netflix, Kakao Pay, ...) is {@code not_official}: no official
 *   compensation is for it.</li>
 *   <li>It is {@code official} only when it <em>is</em> a published campaign's announcement, word for
 *   word after normalisation ({@link Announcement}): proof, never the absence of a known lure. A text
 *   that names a public campaign's service (or quotes its code) and promises only what that campaign
 *   gives is {@code unverified}: the compensation is real, this message is not one of ours, and nobody
 *   needs to do anything to receive it. {@code withdrawn} when only a withdrawn or rolled-back campaign
 *   gives it.</li>
 *   <li>Quantities that no named campaign gives: {@code not_official}. Nothing to check (no service
 *   of ours, or no quantity): {@code unknown}, with no matches, only the reason.</li>
 * </ol>
 */
public final class OfferCheck {

    public enum Verdict {
        OFFICIAL, NOT_OFFICIAL, SUSPICIOUS, WITHDRAWN, UNVERIFIED, ALTERED, UNKNOWN;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One reason for a verdict, in both languages; {@code code} is stable for programs. */
    public record Reason(String code, String en, String ko) {
    }

    /** What the check read in the text. */
    public record Understood(List<String> codes, List<String> services, List<String> otherServices, List<String> links,
                             List<Integer> days, List<Integer> months, List<Long> krw, List<Integer> percents) {
    }

    public record Result(Verdict verdict, List<Reason> reasons, Understood understood, List<Campaign> matches) {
    }

    /**
     * The operator's configuration: its own domains, names of services that are not its campaigns', and
     * the verify page's address that every notice prints (part of the notice's text).
     */
    public record Settings(List<String> officialDomains, List<String> otherServices, String verifyUrl) {
    }

    /** Texts carrying more notice codes than this are not looked up code by code: no notice has two. */
    public static final int MAX_CODES_LOOKED_UP = 3;

    private static final Pattern CODE_TOKEN = Pattern.compile("(?<![a-z0-9-])[a-z0-9][a-z0-9-]{2,63}(?![a-z0-9-])");

    private OfferCheck() {
    }

    /** Checks a campaign code, exactly (letter case aside: codes are upper case by definition). */
    public static Result checkCode(String code, List<Campaign> publicCampaigns) {
        String wanted = code.trim();
        Understood understood = new Understood(List.of(wanted), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
        for (Campaign c : publicCampaigns) {
            if (c.code().equalsIgnoreCase(wanted)) {
                return official(c) ? new Result(Verdict.OFFICIAL, List.of(Reasons.codeOfficial(c)), understood, List.of(c))
                        : new Result(Verdict.WITHDRAWN, List.of(Reasons.withdrawn(c)), understood, List.of(c));
            }
        }
        return new Result(Verdict.NOT_OFFICIAL, List.of(Reasons.noSuchCode(wanted), Reasons.advice()), understood, List.of());
    }

    /** The notice codes a text carries (a public campaign's code of the same shape is not one). */
    public static List<NoticeCode> noticeCodesIn(String raw, List<Campaign> publicCampaigns) {
        return noticeCodesIn(OfferText.of(raw), publicCampaigns);
    }

    private static List<NoticeCode> noticeCodesIn(OfferText text, List<Campaign> publicCampaigns) {
        Set<NoticeCode> campaignCodes = publicCampaigns.stream().map(c -> NoticeCode.parse(c.code())).flatMap(java.util.Optional::stream)
                .collect(Collectors.toSet());
        return NoticeCode.findIn(text.normalized()).stream().filter(c -> !campaignCodes.contains(c))
                .limit(MAX_CODES_LOOKED_UP).toList();
    }

    /**
     * Checks a pasted text. {@code notices}: the notices found by the codes in it
     * ({@link #noticeCodesIn}); a code that is not among them is no notice's.
     */
    public static Result checkText(String raw, List<Campaign> publicCampaigns, Settings settings, List<SentNotice> notices) {
        OfferText text = OfferText.of(raw);
        List<LureSignals.Signal> signals = LureSignals.find(text, settings.officialDomains());
        List<NoticeCode> codesInText = noticeCodesIn(text, publicCampaigns);
        if (!codesInText.isEmpty()) {
            return checkNotice(text, codesInText, notices, signals, settings);
        }
        OfferDescription promised = OfferDescription.read(text.normalized());
        List<Campaign> byCode = publicCampaigns.stream().filter(c -> codes(text).contains(c.code().toLowerCase(Locale.ROOT))).toList();
        ServiceMentions.Found named = ServiceMentions.find(text.normalized(),
                ServiceMentions.vocabulary(publicCampaigns, settings.otherServices()));
        List<Campaign> byService = publicCampaigns.stream().filter(c -> c.services().stream().anyMatch(named.ours()::contains)).toList();
        Understood understood = new Understood(byCode.stream().map(Campaign::code).toList(), List.copyOf(named.ours()),
                List.copyOf(named.others()), LureSignals.hosts(text.normalized()), promised.days(), promised.months(),
                promised.krw(), promised.percents());

        if (!signals.isEmpty()) {
            List<Reason> reasons = new ArrayList<>(signals.stream().map(Reasons::signal).toList());
            Set<Campaign> resembled = new LinkedHashSet<>(byCode);
            resembled.addAll(byService);
            resembled.stream().filter(OfferCheck::official).findFirst().or(() -> resembled.stream().findFirst())
                    .ifPresent(c -> reasons.add(Reasons.borrows(c)));
            reasons.add(Reasons.advice());
            return new Result(Verdict.SUSPICIOUS, reasons, understood, List.of());
        }
        for (Campaign c : publicCampaigns) {
            if (c.announcement() != null && c.announcement().isSaidBy(text)) {
                return official(c)
                        ? new Result(Verdict.OFFICIAL, List.of(Reasons.announced(c), Reasons.automatic()), understood, List.of(c))
                        : new Result(Verdict.WITHDRAWN, List.of(Reasons.withdrawn(c)), understood, List.of(c));
            }
        }
        List<String> fakeCodes = lookAlikeCodes(text, publicCampaigns);
        if (!fakeCodes.isEmpty()) {
            return new Result(Verdict.NOT_OFFICIAL, List.of(Reasons.noSuchCode(String.join(", ", fakeCodes).toUpperCase(Locale.ROOT)),
                    Reasons.advice()), understood, List.of());
        }
        if (!named.others().isEmpty()) {
            return new Result(Verdict.NOT_OFFICIAL, List.of(Reasons.otherService(named.others()), Reasons.advice()),
                    understood, List.of());
        }
        Set<Campaign> candidates = new LinkedHashSet<>(byCode);
        candidates.addAll(byService);
        if (candidates.isEmpty()) {
            if (!promised.specific()) {
                return new Result(Verdict.UNKNOWN, List.of(Reasons.nothingToCheck()), understood, List.of());
            }
            List<Campaign> alike = publicCampaigns.stream().filter(c -> promised.allGivenBy(List.of(c))).toList();
            return alike.isEmpty()
                    ? new Result(Verdict.NOT_OFFICIAL, List.of(Reasons.nobodyGives(promised), Reasons.advice()), understood, List.of())
                    : new Result(Verdict.UNKNOWN, List.of(Reasons.noServiceNamed(alike)), understood, List.of());
        }
        List<Campaign> current = candidates.stream().filter(OfferCheck::official).toList();
        List<Campaign> past = candidates.stream().filter(c -> !official(c)).toList();
        if (!promised.specific()) {
            if (!byCode.isEmpty()) {
                Campaign c = byCode.get(0);
                return official(c) ? new Result(Verdict.UNVERIFIED, List.of(Reasons.realButNotOurs(List.of(c)), Reasons.automatic()),
                        understood, List.of(c))
                        : new Result(Verdict.WITHDRAWN, List.of(Reasons.withdrawn(c)), understood, List.of(c));
            }
            return new Result(Verdict.UNKNOWN, List.of(Reasons.namesButPromisesNothing(candidates)), understood, List.of());
        }
        if (!current.isEmpty() && promised.allGivenBy(current)) {
            List<Campaign> giving = current.stream().filter(promised::anyGivenBy).toList();
            return new Result(Verdict.UNVERIFIED, List.of(Reasons.realButNotOurs(giving), Reasons.automatic()), understood, giving);
        }
        if (!past.isEmpty() && promised.allGivenBy(past)) {
            List<Campaign> giving = past.stream().filter(promised::anyGivenBy).toList();
            return new Result(Verdict.WITHDRAWN, List.of(Reasons.withdrawn(giving.get(0))), understood, giving);
        }
        return new Result(Verdict.NOT_OFFICIAL, List.of(Reasons.differs(candidates, promised), Reasons.advice()), understood,
                List.of());
    }

    /** A text with a notice code: the notice that was sent decides, nothing else. */
    private static Result checkNotice(OfferText text, List<NoticeCode> codes, List<SentNotice> notices,
                                      List<LureSignals.Signal> signals, Settings settings) {
        Understood understood = new Understood(List.of(), List.of(), List.of(), LureSignals.hosts(text.normalized()), List.of(),
                List.of(), List.of(), List.of());
        SentNotice closest = null;
        WordDiff closestDiff = null;
        for (NoticeCode code : codes) {
            SentNotice notice = notices.stream().filter(n -> n.code().equals(code) && n.state().reachedSomeone()).findFirst().orElse(null);
            if (notice == null) {
                continue;
            }
            for (String sent : notice.renderings(settings.verifyUrl())) {
                if (Announcement.sameWording(sent, text)) {
                    Campaign c = notice.campaign();
                    if (c == null) {
                        // a claimant's notice: the text as sent is the proof; it is about a claim, not a campaign
                        return new Result(Verdict.OFFICIAL, List.of(Reasons.sentNotice(notice), Reasons.advice()), understood, List.of());
                    }
                    return official(c)
                            ? new Result(Verdict.OFFICIAL, List.of(Reasons.sentNotice(notice), Reasons.automatic()), understood, List.of(c))
                            : new Result(Verdict.WITHDRAWN, List.of(Reasons.sentNotice(notice), Reasons.withdrawn(c)), understood, List.of(c));
                }
                WordDiff diff = WordDiff.between(Announcement.comparable(OfferText.of(sent)), Announcement.comparable(text));
                if (closestDiff == null || size(diff) < size(closestDiff)) {
                    closest = notice;
                    closestDiff = diff;
                }
            }
        }
        List<Reason> reasons = new ArrayList<>();
        if (closest == null) {
            reasons.add(Reasons.noSuchNotice(codes));
            signals.stream().map(Reasons::signal).forEach(reasons::add);
            reasons.add(Reasons.advice());
            return new Result(Verdict.NOT_OFFICIAL, reasons, understood, List.of());
        }
        reasons.add(Reasons.altered(closest));
        if (!closestDiff.added().isEmpty()) {
            reasons.add(Reasons.added(closestDiff.added()));
        }
        if (!closestDiff.removed().isEmpty()) {
            reasons.add(Reasons.removed(closestDiff.removed()));
        }
        // the lures of what was added: the notice's own words ("확인 코드" above its code) are no lure
        LureSignals.find(OfferText.of(String.join("\n", closestDiff.added())), settings.officialDomains()).stream()
                .map(Reasons::signal).forEach(reasons::add);
        reasons.add(Reasons.advice());
        return new Result(Verdict.ALTERED, reasons, understood,
                closest.campaign() == null ? List.of() : List.of(closest.campaign()));
    }

    private static int size(WordDiff d) {
        return d.added().stream().mapToInt(String::length).sum() + d.removed().stream().mapToInt(String::length).sum();
    }

    /** Published, running or applied: what people can rely on now. */
    public static boolean official(Campaign c) {
        return c.state() == CampaignState.PUBLISHED || c.state() == CampaignState.RUNNING || c.state() == CampaignState.APPLIED;
    }

    /**
     * Code-shaped words that are not a public campaign's code but start like one ("MELON-2022-1015X",
     * "KAKAO-1015-GIFT2"): a made-up code dressed as an official one.
     */
    private static List<String> lookAlikeCodes(OfferText text, List<Campaign> publicCampaigns) {
        Set<String> real = publicCampaigns.stream().map(c -> c.code().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> prefixes = real.stream().map(c -> c.split("-")[0]).collect(Collectors.toSet());
        return codes(text).stream().filter(t -> t.contains("-") && t.chars().anyMatch(Character::isDigit))
                .filter(t -> !real.contains(t) && prefixes.contains(t.split("-")[0])).toList();
    }

    private static Set<String> codes(OfferText text) {
        Set<String> out = new LinkedHashSet<>();
        for (Matcher m = CODE_TOKEN.matcher(text.normalized()); m.find(); ) {
            out.add(m.group());
        }
        return out;
    }

    /** The reasons' wording, Korean and English side by side. */
    static final class Reasons {

        private Reasons() {
        }

        static Reason advice() {
            return new Reason("advice", "Real compensation is applied to your account by itself (My info › Passes / Coupons / "
                    + "Cash); nobody will ask you for a card number, password, verification code or money, or send you a link "
                    + "to install something.",
                    "실제 보상은 계정에 자동으로 지급됩니다(내 정보 › 이용권/쿠폰/캐시). 카드번호·비밀번호·인증번호나 돈을 요구하거나, "
                            + "설치 링크를 보내는 일은 없습니다.");
        }

        static Reason automatic() {
            return new Reason("applied-automatically", "You need to do nothing: it is applied to eligible accounts "
                    + "automatically. No one will ask you to do anything to receive it: no link, card number or verification code.",
                    "따로 하실 일은 없습니다. 대상 계정에 자동으로 지급되며, 받기 위해 링크를 누르거나 카드번호·인증번호를 알려 달라고 "
                            + "요구하는 일은 없습니다.");
        }

        static Reason signal(LureSignals.Signal s) {
            String e = s.evidence();
            return switch (s.kind()) {
                case UNOFFICIAL_LINK -> new Reason("unofficial-link", "It links to " + e + ", which is not one of our official "
                        + "sites.", "공식 사이트가 아닌 " + KoreanParticles.TOWARD.after(e) + " 연결하는 링크가 있습니다.");
                case SHORTENED_LINK -> new Reason("shortened-link", "It uses a shortened link (" + e + ") that hides where it "
                        + "leads.", "목적지를 숨기는 단축 링크(" + e + ")가 있습니다.");
                case CLICK_LINK -> new Reason("click-link", "It asks you to open a link (\"" + e + "\"); real compensation "
                        + "needs no link.", "링크를 누르라고 합니다(\"" + e + "\"). 실제 보상은 링크가 필요 없습니다.");
                case LOGIN_REQUEST -> new Reason("login-request", "It asks you to log in (\"" + e + "\").",
                        "로그인을 요구합니다(\"" + e + "\").");
                case APP_INSTALL -> new Reason("app-install", "It asks you to install or download something (\"" + e + "\").",
                        "앱이나 파일의 설치·다운로드를 요구합니다(\"" + e + "\").");
                case PHONE_NUMBER -> new Reason("phone-number", "It gives a phone number to call (" + e + ").",
                        "전화하라는 번호가 있습니다(" + e + ").");
                case PAYMENT_REQUEST -> new Reason("payment-request", "It asks for a payment, a fee or a transfer (\"" + e
                        + "\"); compensation never costs anything.", "결제·수수료·송금을 요구합니다(\"" + e
                        + "\"). 보상에는 어떤 비용도 들지 않습니다.");
                case CARD_NUMBER -> new Reason("card-number", "It asks for card details (\"" + e + "\").",
                        "카드 정보를 요구합니다(\"" + e + "\").");
                case PASSWORD -> new Reason("password", "It asks for a password or PIN (\"" + e + "\").",
                        "비밀번호를 요구합니다(\"" + e + "\").");
                case VERIFICATION_CODE -> new Reason("verification-code", "It asks for a verification code (\"" + e + "\").",
                        "인증번호를 요구합니다(\"" + e + "\").");
                case RESIDENT_NUMBER -> new Reason("resident-number", "It asks for a resident registration number (\"" + e
                        + "\").", "주민등록번호를 요구합니다(\"" + e + "\").");
                case HIDDEN_CHARACTERS -> new Reason("hidden-characters", "It hides invisible characters inside words, a trick "
                        + "to slip past filters.", "필터를 피하려고 단어 사이에 보이지 않는 문자를 숨겼습니다.");
                case LOOK_ALIKE_LETTERS -> new Reason("look-alike-letters", "It mixes look-alike letters from another alphabet "
                        + "into a name.", "다른 문자(키릴·그리스 문자)를 섞어 이름을 흉내 냈습니다.");
            };
        }

        static Reason borrows(Campaign c) {
            return new Reason("borrows-official-wording", "It borrows the name or code of the official " + c.code()
                    + " (" + c.title() + ") to look real.", "공식 보상 " + c.code() + "(" + c.title() + ")의 이름이나 코드를 빌려 "
                    + "진짜처럼 보이게 합니다.");
        }

        static Reason otherService(Set<String> others) {
            String names = String.join(", ", others);
            return new Reason("other-service", "It names " + names + ": there is no official compensation of ours for it.",
                    KoreanParticles.OBJECT.after(names) + " 언급합니다. 이에 대한 공식 보상은 없습니다.");
        }

        static Reason nothingToCheck() {
            return new Reason("nothing-to-check", "The text names none of our services, no amount, number of days or code. "
                    + "Compare it with the official list: anything not on it is not an official compensation.",
                    "확인할 서비스 이름, 금액, 기간이나 코드가 없습니다. 공식 보상 목록과 비교해 주세요. 목록에 없는 보상은 공식 보상이 아닙니다.");
        }

        static Reason noServiceNamed(List<Campaign> alike) {
            String services = alike.stream().flatMap(c -> c.services().stream()).distinct().collect(Collectors.joining(", "));
            return new Reason("no-service-named", "The amounts are like those of " + codes(alike) + ", but the text does not "
                    + "say which service it is for; that compensation is only for " + services + ".",
                    "금액이나 기간은 " + KoreanParticles.AND.after(codes(alike)) + " 비슷하지만 어느 서비스의 보상인지 적혀 있지 않습니다. 해당 공식 보상은 "
                            + services + " 이용자만 대상입니다.");
        }

        static Reason namesButPromisesNothing(Set<Campaign> candidates) {
            return new Reason("no-quantity", "It names " + codes(candidates) + "'s service but promises no amount or number "
                    + "of days to check. See what the official compensation gives in the list.",
                    codes(candidates) + "의 서비스를 언급하지만 확인할 금액이나 기간이 없습니다. 공식 보상 내용은 목록에서 확인해 주세요.");
        }

        static Reason nobodyGives(OfferDescription promised) {
            return new Reason("no-such-compensation", "No official compensation gives " + quantities(promised) + ".",
                    KoreanParticles.OBJECT.after(quantities(promised)) + " 주는 공식 보상은 없습니다.");
        }

        static Reason differs(Set<Campaign> candidates, OfferDescription promised) {
            return new Reason("differs-from-official", "The official " + codes(candidates) + " does not give "
                    + quantities(promised) + ". See what it gives in the list.",
                    "공식 보상 " + KoreanParticles.TOPIC.after(codes(candidates)) + " " + KoreanParticles.OBJECT.after(quantities(promised)) + " 주지 않습니다. 실제 내용은 목록에서 "
                            + "확인해 주세요.");
        }

        static Reason announced(Campaign c) {
            return new Reason("official-announcement", "It is the announcement of the official " + c.code() + " (" + c.title()
                    + "), word for word.", "공식 보상 " + c.code() + "(" + c.title() + ")의 안내문과 글자 그대로 같습니다.");
        }

        static Reason realButNotOurs(List<Campaign> giving) {
            Campaign first = giving.get(0);
            return new Reason("real-compensation-unverified-message", "The compensation it describes is real: " + first.code()
                    + " (" + first.title() + "). But this message is not one we sent or announced, so we cannot vouch for it.",
                    "설명하는 보상 " + KoreanParticles.TOPIC.after(first.code() + "(" + first.title() + ")") + " 실제 보상입니다. 하지만 이 메시지는 저희가 보내거나 "
                            + "공지한 문구가 아니어서 보증할 수 없습니다.");
        }

        static Reason sentNotice(SentNotice n) {
            String when = n.sentAt() == null ? "" : n.sentAt().atZone(ClaimDeadline.KOREA).toLocalDateTime()
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString().replace('T', ' ');
            String to = n.recipientMasked() == null ? "" : n.recipientMasked();
            Campaign c = n.campaign();
            String about = c != null ? c.code() + " (" + c.title() + ")" : "the support program " + n.program();
            String aboutKo = c != null ? "공식 보상 " + c.code() + "(" + c.title() + ")" : "지원 사업 " + n.program();
            if (n.state() == SentNotice.State.KEPT) {
                return new Reason("sent-notice", "It is, word for word, the notice of " + about + " with "
                        + "code " + n.code() + ", shown in its recipient's own account" + (when.isEmpty() ? "" : " since " + when) + ".",
                        aboutKo + "의 안내(코드 " + n.code() + ")와 글자 그대로 같습니다. "
                                + "받는 분의 계정 화면에 표시된 안내입니다.");
            }
            return new Reason("sent-notice", "It is, word for word, the notice of " + about + " with code "
                    + n.code() + (when.isEmpty() ? "" : ", sent " + when + " (Korean time)") + (to.isEmpty() ? "" : " to " + to) + ".",
                    aboutKo + "의 안내(코드 " + n.code() + ")와 글자 그대로 같습니다"
                            + (when.isEmpty() ? "" : ". 보낸 때: " + when) + (to.isEmpty() ? "" : ", 받는 곳: " + to) + ".");
        }

        static Reason altered(SentNotice n) {
            Campaign c = n.campaign();
            String about = c != null ? c.code() + " (" + c.title() + ")" : "the support program " + n.program();
            String aboutKo = c != null ? "공식 보상 " + c.code() + "(" + c.title() + ")" : "지원 사업 " + n.program();
            return new Reason("altered-notice", "The code " + n.code() + " is that of a real notice of " + about
                    + ", but this text is not what was sent: someone changed it. Do not act on what it asks.",
                    "코드 " + KoreanParticles.TOPIC.after(n.code().printed()) + " " + aboutKo
                            + "의 실제 안내 코드이지만, 이 글은 보낸 내용과 다릅니다. 누군가 고쳐 쓴 것이니 요구하는 대로 하지 마세요.");
        }

        static Reason added(List<String> runs) {
            String quoted = quote(runs);
            return new Reason("words-added", "Not in the notice that was sent: " + quoted + ".", "보낸 안내에 없는 내용: " + quoted + ".");
        }

        static Reason removed(List<String> runs) {
            String quoted = quote(runs);
            return new Reason("words-removed", "Left out of the notice that was sent: " + quoted + ".",
                    "보낸 안내에서 빠진 내용: " + quoted + ".");
        }

        static Reason noSuchNotice(List<NoticeCode> codes) {
            String printed = codes.stream().map(NoticeCode::printed).collect(Collectors.joining(", "));
            return new Reason("no-such-notice-code", "No notice we sent has the code " + printed + ": this message is not ours.",
                    printed + " 코드로 보낸 안내는 없습니다. 저희가 보낸 메시지가 아닙니다.");
        }

        /** At most five runs of at most 120 characters each: enough to see the change, never a page of text. */
        private static String quote(List<String> runs) {
            String shown = runs.stream().limit(5).map(r -> "\"" + (r.length() > 120 ? r.substring(0, 119) + "…" : r) + "\"")
                    .collect(Collectors.joining(", "));
            return runs.size() > 5 ? shown + ", …" : shown;
        }

        static Reason codeOfficial(Campaign c) {
            return new Reason("official-code", c.code() + " is the code of an official compensation: " + c.title() + ".",
                    KoreanParticles.TOPIC.after(c.code()) + " 공식 보상의 코드입니다: " + c.title() + ".");
        }

        static Reason noSuchCode(String code) {
            return new Reason("no-such-code", "No official compensation has the code " + code + ".",
                    code + " 코드의 공식 보상은 없습니다.");
        }

        static Reason withdrawn(Campaign c) {
            Instant when = c.withdrawn() != null ? c.withdrawn().at() : c.rolledBack() != null ? c.rolledBack().at() : null;
            String date = when == null ? "" : " on " + when.atZone(ClaimDeadline.KOREA).toLocalDate();
            String dateKo = when == null ? "" : " " + when.atZone(ClaimDeadline.KOREA).toLocalDate() + "에";
            return new Reason("withdrawn", c.code() + " (" + c.title() + ") was an official compensation but was withdrawn"
                    + date + ".", KoreanParticles.TOPIC.after(c.code() + "(" + c.title() + ")") + " 공식 보상이었으나" + dateKo + " 철회되었습니다.");
        }

        private static String codes(java.util.Collection<Campaign> campaigns) {
            return campaigns.stream().map(Campaign::code).collect(Collectors.joining(", "));
        }

        private static String quantities(OfferDescription d) {
            List<String> parts = new ArrayList<>();
            d.days().forEach(x -> parts.add(x + " days"));
            d.months().forEach(x -> parts.add(x + " months"));
            d.krw().forEach(x -> parts.add(String.format("%,d KRW", x)));
            d.percents().forEach(x -> parts.add(x + "%"));
            return String.join(", ", parts);
        }
    }
}
