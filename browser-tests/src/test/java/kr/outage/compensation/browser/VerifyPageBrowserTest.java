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
