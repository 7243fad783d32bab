package kr.outage.compensation.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** "Is this compensation real?" with the fake 1000-day pass, a phishing text and the real +3 days. */
class VerifyPageBrowserTest extends BrowserTest {

    @Test
    void theFakeThousandDayPassIsNotOfficial() {
        ask("[카카오] 장애 보상 안내: 멜론 1000일 무료 스트리밍 이용권 지급!");
        assertThat(browser.find("#answer").getAttribute("data-verdict")).isEqualTo("not_official");
        assertThat(browser.text("#answer h2 .says")).isEqualTo("공식 보상이 아닙니다");
        assertThat(browser.text("#answer h2 .word")).isEqualTo("거짓");
        assertThat(browser.driver.getCurrentUrl()).as("the message is posted, not kept in the URL").doesNotContain("offer");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("the answer has the focus").isEqualTo("answer");
        assertThat(browser.text("#answer")).contains("링크를 누르거나 개인정보를 입력하지 마세요").contains("1000 days");
        // the official list is still there to compare with
        assertThat(browser.all("#official-list tbody tr[data-code]").stream().map(r -> r.getAttribute("data-code")))
                .contains("MELON-2022-1015", "KAKAO-1015-GIFT");
        browser.screenshot("verify-fake");
    }

    @Test
    void aPhishingTextIsSuspiciousWhateverItCopies() {
        ask("[멜론] 장애 보상 3일 연장 신청은 아래 링크에서 로그인 후 카드번호 확인: http://melon-event.kr/claim");
        assertThat(browser.find("#answer").getAttribute("data-verdict")).isEqualTo("suspicious");
        assertThat(browser.text("#answer h2 .says")).isEqualTo("사기(피싱)로 의심됩니다");
        assertThat(browser.all("#reasons li").stream().map(li -> li.getAttribute("data-reason")))
                .contains("unofficial-link", "click-link", "login-request", "card-number", "advice");
        assertThat(browser.text("#answer")).contains("melon-event.kr").contains("자동으로 지급");
        browser.screenshot("verify-suspicious");
    }

    @Test
    void theAnnouncementIsOfficialAndAParaphraseIsRealButNotOurs() throws Exception {
        String announced = new com.fasterxml.jackson.databind.ObjectMapper().readTree(RunningSuite.ROOT.resolve("bench/music_campaign.json")
                .toFile()).get("announcement").get("ko").asText();
        ask(announced);
        assertThat(browser.find("#answer").getAttribute("data-verdict")).isEqualTo("official");
        assertThat(browser.text("#answer h2 .says")).isEqualTo("공식 보상입니다");
        assertThat(browser.text("#answer")).contains("MELON-2022-1015").contains("다음 결제일 3일 연장").contains("캐시 1,500원")
                .contains("글자 그대로");
        browser.screenshot("verify-real");

        ask("멜론 이용권 3일 연장");
        assertThat(browser.find("#answer").getAttribute("data-verdict")).isEqualTo("unverified");
        assertThat(browser.text("#answer h2 .says")).isEqualTo("보상은 실제이지만, 이 메시지는 저희가 보낸 것이 아닙니다");
        assertThat(browser.text("#answer")).contains("MELON-2022-1015").contains("자동으로 지급");
        browser.screenshot("verify-unverified");
    }

    /**
     * A notice the suite sent, pasted back: word for word it is official (when and to whom it went);
     * with a sentence changed under its real code it is altered, and the page quotes what changed.
     */
    @Test
    void aSentNoticeIsOfficialAndAChangedOneIsAltered() throws Exception {
        String operator = RunningSuite.token("compensation-operator", "notice-operator@example.com");
        String approver = RunningSuite.token("compensation-approver", "notice-approver@example.com");
        String entitlement = suite.url("entitlement");
        String fire = Api.get(suite.url("incident") + "/api/v1/incidents?from=2022-10-15T00:00:00Z&to=2022-10-16T00:00:00Z", operator)
                .at("/items/0/id").asText();
        String id = Api.post(entitlement + "/api/v1/campaigns", operator, Api.JSON.readTree("""
                {"code":"MELON-1015-NOTICE","title":"멜론 기간권 추가 보상","description":"멜론 기간권 보유 고객 500원 캐시",
                 "incidentId":"%s","services":["melon"],"serviceNames":{"melon":["멜론","Melon"]},"scope":"subscriptions",
                 "snapshotAt":"2022-10-16T00:00:00+09:00","eligibility":{"products":["melon-30day"]},
                 "overlap":"allow","overlapReason":"기간권 추가 보상",
                 "groups":[{"name":"30-day passes: cash","remedies":[{"type":"credit_cash","amountKrw":500}]}],
                 "announcement":{"ko":"[멜론] 10월 15일 장애로 기간권을 보유하셨던 고객님께 멜론캐시 500원이 지급되었습니다. 자동으로 적용되었으며 따로 하실 일은 없습니다.",
                                 "en":"[Melon] Holders of a 30-day pass during the outage of 15 October received 500 KRW of Melon cash. Applied automatically; there is nothing you need to do."}}
                """.formatted(fire)), 201).at("/id").asText();
        Api.post(entitlement + "/api/v1/campaigns/" + id + "/publish", operator, null,
                java.util.Map.of("Approval-Id", approved(entitlement, "campaign.publish", id, operator, approver)), 200);
        Api.post(entitlement + "/api/v1/campaigns/" + id + "/runs", operator, Api.JSON.readTree("{\"chunkSize\":50000}"),
                java.util.Map.of("Approval-Id", approved(entitlement, "campaign.run", id, operator, approver)), 202);
        String person = null;
        for (int i = 0; i < 300 && person == null; i++) {
            RunningSuite.sleep(200);
            if (Api.get(entitlement + "/api/v1/campaigns/" + id + "/notices", operator).at("/kept").asLong() > 0) {
                person = firstKept(id);
            }
        }
        assertThat(person).as("a person whose notice of the campaign is kept in their view").isNotBlank();
        com.fasterxml.jackson.databind.JsonNode notice = null;
        for (com.fasterxml.jackson.databind.JsonNode n : Api.get(entitlement + "/api/v1/users/" + person + "/entitlements",
                RunningSuite.token("subscriber", person)).at("/notices")) {
            if (n.at("/campaignCode").asText().equals("MELON-1015-NOTICE")) {
                notice = n;
            }
        }
        assertThat(notice).isNotNull();
        String sent = notice.at("/text").asText();

        ask(sent);
        assertThat(browser.find("#answer").getAttribute("data-verdict")).isEqualTo("official");
        assertThat(browser.all("#reasons li").stream().map(li -> li.getAttribute("data-reason"))).contains("sent-notice");
        assertThat(browser.text("#answer")).contains(notice.at("/code").asText());
        browser.screenshot("verify-notice");

        ask(sent.replace("따로 하실 일은 없습니다.", "받으실 계좌번호를 회신해 주세요."));
        assertThat(browser.find("#answer").getAttribute("data-verdict")).isEqualTo("altered");
        assertThat(browser.text("#answer h2 .word")).isEqualTo("변조됨");
        assertThat(browser.all("#reasons li").stream().map(li -> li.getAttribute("data-reason")))
                .contains("altered-notice", "words-added", "words-removed");
        assertThat(browser.text("#answer")).contains("받으실 계좌번호를 회신해 주세요.");
        browser.screenshot("verify-altered");
    }

    /** A person the campaign's first kept notice is for. */
    private static String firstKept(String campaignId) {
        return RunningSuite.run(java.util.List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", suite.database("entitlement"),
                "-tAc", "select user_id from notice where campaign_id = '" + campaignId + "' and state = 'KEPT' limit 1"),
                java.util.Map.of()).strip();
    }

    private static String approved(String service, String action, String subject, String maker, String checker) {
        String asked = Api.post(service + "/api/v1/approvals", maker, java.util.Map.of("action", action, "subject", subject), 201)
                .at("/id").asText();
        Api.post(service + "/api/v1/approvals/" + asked + "/approve", checker, null, 200);
        return asked;
    }

    @Test
    void theGiftPackIsListedWithItsDeadlineInKst() {
        browser.open(suite.url("entitlement") + "/compensations/verify");
        String giftPack = browser.text("#official-list tr[data-code=KAKAO-1015-GIFT]");
        assertThat(giftPack).contains("2,000원 쿠폰").contains("3,000원 쿠폰").contains("2023-01-20 23:59:59 KST")
                .contains("선착순 3,000,000명");
    }

    @Test
    void theFormWorksFromTheKeyboard() {
        browser.open(suite.url("entitlement") + "/compensations/verify");
        WebElement box = browser.find("#offer");
        assertThat(browser.find("label[for=offer]").getText()).isEqualTo("받은 보상 안내 내용");
        box.sendKeys("1000일 무료 이용권");
        box.sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("확인하기");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.find("#answer").getAttribute("data-verdict")).isEqualTo("not_official");
    }

    private static void ask(String offer) {
        browser.open(suite.url("entitlement") + "/compensations/verify");
        browser.find("#offer").sendKeys(offer);
        browser.clickAndAwaitNextPage("form[role=search] button");
    }
}
