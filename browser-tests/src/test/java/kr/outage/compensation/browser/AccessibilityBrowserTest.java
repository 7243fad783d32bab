package kr.outage.compensation.browser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page, as a desktop (1280 px) and a phone (360 px) shows it, audited with axe-core:
 * no violation of impact serious or critical. The verify page is audited with each kind of answer
 * on it, since that is the page an anxious reader uses.
 */
class AccessibilityBrowserTest extends BrowserTest {

    @ParameterizedTest
    @ValueSource(ints = {1280, 360})
    void thePublicPagesHaveNoSeriousOrCriticalViolation(int width) {
        List<String> found = new ArrayList<>();
        audit(found, width, "status page", suite.url("incident") + "/status");
        audit(found, width, "status page (en)", suite.url("incident") + "/status?lang=en");
        browser.open(suite.url("incident") + "/status");
        String incident = browser.find("a[href*='/status/incidents/']").getAttribute("href");
        audit(found, width, "an incident", incident);
        audit(found, width, "verify page", suite.url("entitlement") + "/compensations/verify");
        audit(found, width, "verify page (en)", suite.url("entitlement") + "/compensations/verify?lang=en");
        for (String offer : List.of("[카카오] 장애 보상 안내: 멜론 1000일 무료 스트리밍 이용권 지급!",
                "[멜론] 장애 보상 3일 연장 신청은 아래 링크에서 로그인 후 카드번호 확인: http://melon-event.kr/claim",
                "멜론 이용권 3일 연장", "오늘 날씨가 좋네요")) {
            browser.open(suite.url("entitlement") + "/compensations/verify");
            browser.find("#offer").sendKeys(offer);
            browser.clickAndAwaitNextPage("form[role=search] button");
            found.addAll(AxeAudit.seriousOrCritical(browser.driver, width).stream()
                    .map(v -> "verify answer " + browser.find("#answer").getAttribute("data-verdict") + ": " + v).toList());
        }
        audit(found, width, "campaign console sign-in", suite.url("entitlement") + "/console/login");
        audit(found, width, "payout console sign-in", suite.url("payout") + "/console/payout/login");
        assertThat(found).as("serious or critical accessibility violations at %d px", width).isEmpty();
    }

    private static void audit(List<String> found, int width, String page, String url) {
        browser.open(url);
        found.addAll(AxeAudit.seriousOrCritical(browser.driver, width).stream().map(v -> page + ": " + v).toList());
    }
}
