package kr.outage.compensation.entitlement.domain;

import kr.outage.compensation.platform.notice.NoticeCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier's one promise, as a property: a text is {@code official} only when it is a published
 * announcement word for word, or the notice sent with the code it carries. Texts are built at random
 * from what a forger has (the campaign's own service names, quantities written in digits and in words,
 * sentences of the real announcement, real and made-up notice codes) mixed with arbitrary sentences;
 * the seed is printed with any failure so it can be replayed. Plain unit test: the check is pure.
 */
class OfficialOnlyByProofTest {

    private static final String VERIFY_URL = "https://compensation-suite.example/compensations/verify";
    private static final Announcement ANNOUNCEMENT = new Announcement(
            "[멜론] 10월 15일 장애 보상: 이용권의 다음 결제일이 3일 늦춰졌고, 인앱 결제 이용권에는 멜론캐시 1,500원이 지급되었습니다. "
                    + "자동으로 적용되었으며 따로 하실 일은 없습니다.",
            "[Melon] Outage of 15 October: the next billing date of passes moved 3 days later, and in-app passes received "
                    + "1,500 KRW of Melon cash. Applied automatically; there is nothing you need to do.");
    private static final Campaign MELON = campaign("MELON-2022-1015", "melon", Map.of("melon", List.of("멜론", "Melon", "MelOn")),
            List.of(new RemedyGroup("direct", null, List.of(Remedy.extendBillingDate(3))),
                    new RemedyGroup("cash", null, List.of(Remedy.creditCash(1500)))), ANNOUNCEMENT);
    private static final Campaign GIFT = campaign("KAKAO-2022-1015-GIFT", "kakaotalk",
            Map.of("kakaotalk", List.of("카카오톡", "KakaoTalk", "카톡")),
            List.of(new RemedyGroup("all", null, List.of(Remedy.creditCash(1000)))), null);
    private static final List<Campaign> REGISTRY = List.of(MELON, GIFT);
    private static final OfferCheck.Settings SETTINGS = new OfferCheck.Settings(List.of("melon.com", "kakao.com",
            "compensation-suite.example"), List.of("넷플릭스", "Netflix"), VERIFY_URL);

    private static final NoticeCode SENT = NoticeCode.random();
    private static final List<SentNotice> NOTICES = List.of(new SentNotice(SENT, MELON, SentNotice.State.SENT,
            Instant.parse("2022-10-20T01:00:00Z"), "EMAIL", "m***@example.com"));

    private static final List<String> NAMES = List.of("멜론", "Melon", "MelOn", "MELON", "melon 이용권", "카카오톡", "카톡");
    private static final List<String> QUANTITIES = List.of("3일", "사흘", "삼일", "3 days", "three days", "1,500원", "1500원",
            "천오백 원", "1,500 KRW", "1,000원", "72시간", "다음 결제일 3일 연장", "3 days later");
    private static final List<String> OTHER = List.of("지금 바로 확인하세요.", "감사합니다.", "고객님께 알려드립니다.",
            "카카오톡 채널을 친구로 추가해 주세요.", "받으실 계좌번호를 회신해 주세요.", "성함과 생년월일을 알려주세요.",
            "QR 코드를 스캔하세요.", "방금 보내드린 번호를 입력해 주세요.", "첨부 파일을 열어 확인하세요.", "결제 카드를 다시 등록해 주세요.",
            "이 메시지를 친구에게 전달해 주세요.", "마감 전에 지금 신청하세요!", "Reply with your bank account to be paid.",
            "Add our channel as a friend.", "Confirm the code we just texted you.", "Forward this to your friends.",
            "Apply now before it closes.", "Send your card details to refund@melon-help.kr.", "It was applied automatically.");

    @Test
    void noTextIsOfficialWithoutBeingTheAnnouncementOrItsSentNotice() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int officials = 0;
        for (int i = 0; i < 5_000; i++) {
            String text = forge(random);
            OfferCheck.Result result = OfferCheck.checkText(text, REGISTRY, SETTINGS, NOTICES);
            boolean proven = ANNOUNCEMENT.isSaidBy(OfferText.of(text))
                    || NoticeText.renderings(ANNOUNCEMENT, SENT, VERIFY_URL).stream().anyMatch(t -> Announcement.sameWording(t, OfferText.of(text)));
            if (result.verdict() == OfferCheck.Verdict.OFFICIAL) {
                officials++;
                assertThat(proven).as("seed %d: official without proof: %s", seed, text).isTrue();
            } else {
                assertThat(proven).as("seed %d: proven but %s: %s", seed, result.verdict(), text).isFalse();
            }
        }
        // the generator does produce the real texts now and then, so both directions are exercised
        assertThat(officials).as("seed %d", seed).isPositive();
    }

    @Test
    void aSentNoticeIsOfficialAndAnyChangeToItIsAlteredWithWhatChanged() {
        String sent = NoticeText.render(ANNOUNCEMENT, SENT, NoticeText.Language.KO, VERIFY_URL).orElseThrow();
        assertThat(OfferCheck.checkText(sent, REGISTRY, SETTINGS, NOTICES).verdict()).isEqualTo(OfferCheck.Verdict.OFFICIAL);
        assertThat(OfferCheck.checkText("  " + sent.replace("\n", " ") + " ", REGISTRY, SETTINGS, NOTICES).verdict())
                .isEqualTo(OfferCheck.Verdict.OFFICIAL);

        String altered = sent.replace("따로 하실 일은 없습니다.", "받으실 계좌번호를 회신해 주세요.");
        OfferCheck.Result result = OfferCheck.checkText(altered, REGISTRY, SETTINGS, NOTICES);
        assertThat(result.verdict()).isEqualTo(OfferCheck.Verdict.ALTERED);
        assertThat(result.reasons()).extracting(OfferCheck.Reason::code).contains("altered-notice", "words-added", "words-removed");
        assertThat(result.reasons().stream().filter(r -> r.code().equals("words-added")).findFirst().orElseThrow().ko())
                .contains("받으실 계좌번호를 회신해 주세요.");
        // the lures named are those of what was added, not the notice's own "확인 코드" line
        assertThat(result.reasons()).extracting(OfferCheck.Reason::code).doesNotContain("verification-code");
        OfferCheck.Result linked = OfferCheck.checkText(sent + " http://melon-event.kr/claim", REGISTRY, SETTINGS, NOTICES);
        assertThat(linked.verdict()).isEqualTo(OfferCheck.Verdict.ALTERED);
        assertThat(linked.reasons()).extracting(OfferCheck.Reason::code).contains("unofficial-link");

        // a code that no notice has: said so, and not official however real the rest is
        String unknown = sent.replace(SENT.printed(), otherThan(SENT).printed());
        OfferCheck.Result forged = OfferCheck.checkText(unknown, REGISTRY, SETTINGS, NOTICES);
        assertThat(forged.verdict()).isEqualTo(OfferCheck.Verdict.NOT_OFFICIAL);
        assertThat(forged.reasons().get(0).code()).isEqualTo("no-such-notice-code");
    }

    @Test
    void aNoticeThatNeverReachedAnyoneProvesNothing() {
        for (SentNotice.State state : List.of(SentNotice.State.QUEUED, SentNotice.State.SENDING, SentNotice.State.FAILED,
                SentNotice.State.CANCELLED)) {
            List<SentNotice> notices = List.of(new SentNotice(SENT, MELON, state, null, null, null));
            String text = NoticeText.render(ANNOUNCEMENT, SENT, NoticeText.Language.EN, VERIFY_URL).orElseThrow();
            assertThat(OfferCheck.checkText(text, REGISTRY, SETTINGS, notices).verdict()).as(state.name())
                    .isEqualTo(OfferCheck.Verdict.NOT_OFFICIAL);
        }
    }

    /** A text as a forger would write one, sometimes exactly the real announcement or notice. */
    private static String forge(Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return random.nextBoolean() ? ANNOUNCEMENT.ko() : ANNOUNCEMENT.en();
        }
        if (kind == 1) {
            return NoticeText.renderings(ANNOUNCEMENT, SENT, VERIFY_URL).get(random.nextInt(2));
        }
        List<String> parts = new ArrayList<>();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(7)) {
                case 0 -> parts.add(pick(random, NAMES));
                case 1 -> parts.add(pick(random, QUANTITIES));
                case 2 -> parts.add(pick(random, OTHER));
                case 3 -> parts.add(sentenceOf(random.nextBoolean() ? ANNOUNCEMENT.ko() : ANNOUNCEMENT.en(), random));
                case 4 -> parts.add((random.nextBoolean() ? "확인 코드 " : "Check code ")
                        + (random.nextInt(3) == 0 ? SENT : NoticeCode.random()).printed());
                case 5 -> parts.add(noise(random));
                default -> parts.add(pick(random, NAMES) + " " + pick(random, QUANTITIES) + " " + pick(random, OTHER));
            }
        }
        if (random.nextInt(4) == 0) {
            Collections.shuffle(parts, random);
        }
        return String.join(random.nextBoolean() ? " " : "\n", parts);
    }

    private static String sentenceOf(String text, Random random) {
        String[] sentences = text.split("(?<=[.:])\\s+");
        return sentences[random.nextInt(sentences.length)];
    }

    private static String noise(Random random) {
        StringBuilder out = new StringBuilder();
        int n = 1 + random.nextInt(30);
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(10);
            out.append(r < 4 ? (char) ('가' + random.nextInt(11172)) : r < 8 ? (char) ('a' + random.nextInt(26)) : r == 8 ? ' '
                    : (char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static NoticeCode otherThan(NoticeCode code) {
        NoticeCode other;
        do {
            other = NoticeCode.random();
        } while (other.equals(code));
        return other;
    }

    private static Campaign campaign(String code, String service, Map<String, List<String>> names, List<RemedyGroup> groups,
                                     Announcement announcement) {
        Instant t = Instant.parse("2022-10-15T06:00:00Z");
        CampaignTerms terms = new CampaignTerms(CampaignScope.SUBSCRIPTIONS, t, t, t.plusSeconds(3600), SubjectMatch.any(), groups);
        return new Campaign(UUID.randomUUID(), code, code + " title", "description", UUID.randomUUID(), List.of(service), names,
                terms, OverlapPolicy.EXCLUDE, null, CampaignState.APPLIED, 0, null, new Campaign.Stamp("op", t),
                new Campaign.Stamp("op", t), null, null, null, announcement);
    }
}
