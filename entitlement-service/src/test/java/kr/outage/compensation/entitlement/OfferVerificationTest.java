package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * The public registry and "is this compensation real?", over a labelled corpus of real notices,
 * paraphrases, the 2019 fake 1000-day pass, look-alikes naming other services and phishing variants
 * (verify-corpus.tsv). Precision and recall per verdict are printed; no scam or look-alike may ever be
 * called official, and every text must get its label.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class OfferVerificationTest {

    static final List<String> VERDICTS = List.of("official", "not_official", "suspicious", "withdrawn", "unverified", "unknown");

    record Labelled(String verdict, String kind, String text) {
    }

    @BeforeEach
    void campaigns() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        Campaigns.define(Campaigns.music("MELON-2022-1015"));
        Campaigns.define(Campaigns.giftPack("KAKAO-1015-GIFT", 3_000_000));
        UUID bonus = Campaigns.define(Campaigns.cashOnly("MELON-1015-BONUS", 1000, "allow"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"reason\":\"announced by mistake\"}")
                .when().post("/api/v1/campaigns/" + bonus + "/withdraw").then().statusCode(200);
        Campaigns.defineDraft(Campaigns.cashOnly("MELON-DRAFT-5000", 5000, "allow"));
    }

    @Test
    void theLabelledCorpusGetsItsVerdictsAndNoScamIsEverOfficial() throws Exception {
        List<Labelled> corpus = new ArrayList<>(corpus());
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
        // the announcements themselves are official, word for word; what is made of them is not
        for (String file : new String[]{"music_campaign.json", "gift_pack_campaign.json"}) {
            for (String lang : new String[]{"ko", "en"}) {
                String announced = Campaigns.announcementText(file, lang);
                corpus.add(new Labelled("official", "real", announced));
                corpus.add(new Labelled("unverified", "altered", announced + (lang.equals("ko") ? " 주변에도 알려 주세요." : " Tell your friends.")));
                corpus.add(new Labelled("suspicious", "phishing", announced + " http://melon-bonus.example/claim"));
            }
        }
        corpus.add(new Labelled("not_official", "altered",
                Campaigns.announcementText("music_campaign.json", "ko").replace("3일", "30일")));
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        VERDICTS.forEach(v -> confusion.put(v, new LinkedHashMap<>()));
        List<String> wrong = new ArrayList<>();
        List<String> scamsCalledOfficial = new ArrayList<>();
        for (Labelled l : corpus) {
            var answer = given().queryParam(l.text().matches("[A-Z0-9-]+") ? "code" : "offer", l.text())
                    .when().get("/api/v1/public/compensations/verify").then().statusCode(200).extract().jsonPath();
            String got = answer.getString("verdict");
            assertThat(answer.getList("reasons")).as("reasons for %s", l.text()).isNotEmpty();
            if (got.equals("unknown")) {
                assertThat(answer.getList("matches")).as("unknown lists no matches: %s", l.text()).isEmpty();
            }
            confusion.get(l.verdict()).merge(got, 1, Integer::sum);
            if (!got.equals(l.verdict())) {
                wrong.add(l.verdict() + " <- " + got + ": " + l.text() + " " + answer.getList("reasons.code"));
            }
            if (got.equals("official") && !l.kind().equals("real")) {
                scamsCalledOfficial.add(l.text());
            }
        }
        System.out.println(report(corpus.size(), confusion));
        wrong.forEach(w -> System.out.println("mismatch: " + w));
        assertThat(scamsCalledOfficial).as("scam or look-alike texts called official").isEmpty();
        assertThat(wrong).as("texts that did not get their label").isEmpty();
    }

    /**
     * Texts built from the real campaigns' own service names and quantities, with any other sentences
     * around them (requests the lure list has no word for, friendly chatter, noise), are never official:
     * only the announcements are. A new seed each run; the seed is printed to replay a failure.
     */
    @Test
    void nothingButAnAnnouncementIsOfficialWhateverItIsMadeOf() {
        long seed = Long.getLong("verify.seed", System.nanoTime());
        System.out.println("verify property seed: " + seed);
        java.util.Random random = new java.util.Random(seed);
        String[] names = {"멜론", "Melon", "MelOn", "카카오톡", "카톡", "KakaoTalk", "톡서랍", "Talk Drawer", "MELON-2022-1015", "KAKAO-1015-GIFT"};
        String[] quantities = {"3일", "3 days", "three days", "사흘", "삼일", "1,500원", "천오백원", "1,500 KRW", "2,000원", "3,000원",
                "1개월", "한 달", "one month", "90일", "이모티콘 3종"};
        String[] others = {"카카오톡 채널을 친구 추가해 주세요.", "받으실 계좌번호를 회신해 주세요.", "성함과 생년월일을 답장으로 보내 주세요.",
                "QR코드를 스캔하세요.", "방금 보낸 인증코드를 확인해 주세요.", "첨부 파일을 열어 보세요.", "결제 카드를 다시 등록해 주세요.",
                "Send your bank details to claims@mail.example.", "Forward this message to five friends.", "Apply now before it closes!",
                "감사합니다.", "자세한 내용은 공지를 참고하세요.", "이용해 주셔서 감사합니다.", "Thank you for your patience.", "🎁🎉", "※ 선착순"};
        List<String> officialTexts = new ArrayList<>();
        for (String file : new String[]{"music_campaign.json", "gift_pack_campaign.json"}) {
            officialTexts.add(Campaigns.announcementText(file, "ko"));
            officialTexts.add(Campaigns.announcementText(file, "en"));
        }
        for (int i = 0; i < 150; i++) {
            List<String> parts = new ArrayList<>();
            parts.add(names[random.nextInt(names.length)]);
            for (int q = 0; q <= random.nextInt(3); q++) {
                parts.add(quantities[random.nextInt(quantities.length)]);
            }
            for (int o = 0; o < random.nextInt(3); o++) {
                parts.add(others[random.nextInt(others.length)]);
            }
            if (random.nextInt(4) == 0) {
                // a real announcement with something added or taken out
                String announced = officialTexts.get(random.nextInt(officialTexts.size()));
                parts.add(random.nextBoolean() ? announced : announced.substring(0, announced.length() / 2));
            }
            java.util.Collections.shuffle(parts, random);
            String text = String.join(" ", parts);
            String verdict = given().queryParam("offer", text).when().get("/api/v1/public/compensations/verify").then()
                    .statusCode(200).extract().path("verdict");
            assertThat(verdict).as("seed %d: %s", seed, text).isNotEqualTo("official");
        }
    }

    @Test
    void theRegistryShowsEachAnnouncementAsPublished() {
        given().when().get("/api/v1/public/compensations").then().statusCode(200)
                .body("find { it.code == 'MELON-2022-1015' }.announcement.ko",
                        equalTo(Campaigns.announcementText("music_campaign.json", "ko")))
                .body("find { it.code == 'KAKAO-1015-GIFT' }.announcement.en",
                        equalTo(Campaigns.announcementText("gift_pack_campaign.json", "en")))
                .body("find { it.code == 'MELON-1015-BONUS' }.announcement", equalTo(null));
        given().queryParam("offer", Campaigns.announcementText("music_campaign.json", "en"))
                .when().get("/api/v1/public/compensations/verify").then().statusCode(200)
                .body("verdict", equalTo("official")).body("official", equalTo(true))
                .body("reasons[0].code", equalTo("official-announcement")).body("matches[0].code", equalTo("MELON-2022-1015"));
        given().queryParam("offer", "멜론 이용권 3일 연장").when().get("/api/v1/public/compensations/verify").then().statusCode(200)
                .body("verdict", equalTo("unverified")).body("official", equalTo(false))
                .body("reasons.code", hasItems("real-compensation-unverified-message", "applied-automatically"))
                .body("matches[0].code", equalTo("MELON-2022-1015"));
    }

    @Test
    void anAnnouncementThatAsksSomethingIsRefusedAtDefinition() {
        String body = Campaigns.cashOnly("MELON-LURE-1", 1000, "allow").replaceFirst("\\}$",
                ",\"announcement\":{\"ko\":\"멜론 1,000원 캐시 지급. 받으려면 http://bit.ly/melon 에서 로그인하세요\"}}");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body).when().post("/api/v1/campaigns")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("announcement.ko"));
        assertThat(given().when().get("/api/v1/public/compensations").then().extract().jsonPath().getList("code"))
                .doesNotContain("MELON-LURE-1");
    }

    /** The three texts that were once answered "official". */
    @Test
    void theTextsThatOnceFooledTheCheckAreNotOfficial() {
        verify("넷플릭스 3일 무료 이용권", "not_official", "other-service");
        verify("Genie Music 3 days free, enter your card number here", "suspicious", "card-number");
        verify("카카오페이 1,500원 지급 http://evil.example", "suspicious", "unofficial-link");
    }

    @Test
    void aWithdrawnCompensationSaysWhenAndADraftIsNotPublic() {
        given().queryParam("code", "MELON-1015-BONUS").when().get("/api/v1/public/compensations/verify").then()
                .statusCode(200).body("verdict", equalTo("withdrawn")).body("official", equalTo(false))
                .body("matches[0].status", equalTo("withdrawn")).body("matches[0].withdrawnAt", not(equalTo(null)))
                .body("reasons[0].en", containsString("was withdrawn on"));
        given().queryParam("code", "MELON-DRAFT-5000").when().get("/api/v1/public/compensations/verify").then()
                .statusCode(200).body("verdict", equalTo("not_official"));
        given().queryParam("offer", "멜론 5,000원 캐시").when().get("/api/v1/public/compensations/verify").then()
                .statusCode(200).body("verdict", equalTo("not_official"));
    }

    @Test
    void theRegistryListsWhatEachCompensationGivesWithoutLoginAndNoDrafts() {
        given().when().get("/api/v1/public/compensations").then().statusCode(200)
                .body("code", hasItems("MELON-2022-1015", "KAKAO-1015-GIFT", "MELON-1015-BONUS"))
                .body("code", not(hasItems("MELON-DRAFT-5000")))
                .body("find { it.code == 'MELON-2022-1015' }.offers[0].remedies[0].days", equalTo(3))
                .body("find { it.code == 'KAKAO-1015-GIFT' }.claimDeadline", equalTo("2023-01-20T14:59:59Z"))
                .body("find { it.code == 'KAKAO-1015-GIFT' }.claimsCloseAt", equalTo("2023-01-20T15:00:00Z"))
                .body("find { it.code == 'KAKAO-1015-GIFT' }.status", equalTo("official"))
                .body("find { it.code == 'MELON-1015-BONUS' }.status", equalTo("withdrawn"))
                .body("find { it.code == 'MELON-1015-BONUS' }.topUpReason", equalTo("a deliberate top-up for testing"))
                .body(not(containsString("createdBy")));
    }

    @Test
    void missingOrOverlongInputIsRefusedClearly() {
        given().when().get("/api/v1/public/compensations/verify").then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("invalid-parameter"));
        given().queryParam("code", "X").queryParam("offer", "3 days").when().get("/api/v1/public/compensations/verify")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("offer", "a".repeat(2001)).when().get("/api/v1/public/compensations/verify")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("2000"));
        given().queryParam("code", "M".repeat(65)).when().get("/api/v1/public/compensations/verify")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aSupportClaimsNoticeIsVouchedForByPayoutServiceWordForWord() {
        String code = kr.outage.compensation.platform.notice.NoticeCode.random().printed();
        String sent = "[소상공인 지원: 판교 데이터센터 화재] Taxi 7 신청이 승인되었습니다. 지원금 30,000원은 신청하신 계좌로 지급됩니다.\n"
                + "확인 코드 " + code + " · 진위 확인: https://compensation-suite.example/compensations/verify";
        IncidentServiceStub.stubClaimantNotice(code, "소상공인 지원: 판교 데이터센터 화재", sent);
        given().queryParam("offer", sent).when().get("/api/v1/public/compensations/verify").then().statusCode(200)
                .body("verdict", equalTo("official")).body("reasons.code", hasItems("sent-notice"))
                .body("matches.size()", equalTo(0));
        // changed: the real code does not make a changed text official
        String changed = sent.replace("신청하신 계좌로 지급됩니다.", "아래 링크에서 계좌를 다시 등록하면 지급됩니다. http://pay-kakao.example");
        given().queryParam("offer", changed).when().get("/api/v1/public/compensations/verify").then().statusCode(200)
                .body("verdict", equalTo("altered")).body("official", equalTo(false))
                .body("reasons.code", hasItems("altered-notice", "words-added"));
        // a code neither service sent
        String unknown = sent.replace(code, kr.outage.compensation.platform.notice.NoticeCode.random().printed());
        given().queryParam("offer", unknown).when().get("/api/v1/public/compensations/verify").then().statusCode(200)
                .body("verdict", equalTo("not_official")).body("reasons.code", hasItems("no-such-notice-code"));
        // payout-service down: the verifier says it cannot tell, never "not ours"
        IncidentServiceStub.failing();
        given().queryParam("offer", sent).when().get("/api/v1/public/compensations/verify").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "30")
                .body("type", equalTo("https://compensation-suite.example/problems/verification-unavailable"));
        IncidentServiceStub.stubTheFire();
    }

    private static void verify(String offer, String verdict, String reason) {
        given().queryParam("offer", offer).when().get("/api/v1/public/compensations/verify").then().statusCode(200)
                .body("verdict", equalTo(verdict)).body("official", equalTo(false)).body("matches.size()", equalTo(0))
                .body("reasons.code", hasItems(reason));
    }

    private static List<Labelled> corpus() throws Exception {
        List<Labelled> out = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                OfferVerificationTest.class.getResourceAsStream("/verify-corpus.tsv")), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 3);
                out.add(new Labelled(f[0], f[1], f[2]));
            }
        }
        return out;
    }

    /** Precision and recall per verdict, and the confusion matrix (rows: label, columns: answer). */
    private static String report(int total, Map<String, Map<String, Integer>> confusion) {
        StringBuilder out = new StringBuilder("\nverify corpus: " + total + " texts\n");
        out.append(String.format("%-13s %9s %9s %7s%n", "verdict", "precision", "recall", "texts"));
        for (String v : VERDICTS) {
            int truePositive = confusion.get(v).getOrDefault(v, 0);
            int labelled = confusion.get(v).values().stream().mapToInt(Integer::intValue).sum();
            int answered = confusion.values().stream().mapToInt(row -> row.getOrDefault(v, 0)).sum();
            out.append(String.format("%-13s %9s %9s %7d%n", v,
                    answered == 0 ? "-" : String.format("%.3f", (double) truePositive / answered),
                    labelled == 0 ? "-" : String.format("%.3f", (double) truePositive / labelled), labelled));
        }
        out.append("confusion (label -> answers): ").append(confusion);
        return out.toString();
    }
}
