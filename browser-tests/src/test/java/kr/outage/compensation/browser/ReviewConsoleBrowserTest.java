package kr.outage.compensation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committee works its queue: a reviewer recommends, the same person cannot approve, a second
 * person approves; then the payout batch shows its totals and its transfer file.
 */
class ReviewConsoleBrowserTest extends BrowserTest {

    static String programId;
    static String reviewer;
    static String approver;
    static String reviewerWhoAlsoApproves;

    @BeforeAll
    static void setUp() {
        String operator = RunningSuite.token("compensation-operator", "operator-kim@example.com");
        reviewer = RunningSuite.token("claims-reviewer", "reviewer-lee@example.com");
        reviewerWhoAlsoApproves = RunningSuite.token("claims-reviewer,payout-approver", "reviewer-lee@example.com");
        approver = RunningSuite.token("payout-approver", "approver-park@example.com");
        String fire = Api.get(suite.url("incident") + "/api/v1/incidents?from=2022-10-15T00:00:00Z&to=2022-10-16T00:00:00Z", operator)
                .at("/items/0/id").asText();
        // The demo program's window closed in 2022; this one is open now, over the same incident.
        JsonNode program = Api.post(suite.url("payout") + "/api/v1/programs", operator, Map.of(
                "incidentId", fire, "name", "Browser test: Kakao T drivers", "services", List.of("kakaot"),
                "intake", Map.of("opensOn", "2020-01-01", "closesOn", "2099-12-31", "zone", "Asia/Seoul"),
                "assessment", Map.of("operatingMargins", Map.of("taxi", 0.5), "alternativeAvailabilityFactor", 0.8,
                        "platformShares", Map.of("kakaot", 0.8)),
                "tiers", List.of(Map.of("upTo", 300000, "support", 30000), Map.of("upTo", 500000, "support", 50000)),
                "reviewThreshold", 500000, "reviewEvidence", List.of("sales_ledger")), 201);
        programId = program.get("id").asText();
        String owner = RunningSuite.ownerToken("owner-kim@example.com", "Kim Minsu", "116-82-00276,220-81-62517");
        fileClaim(owner, "116-82-00276", "판교 택시", 3_000_000);
        fileClaim(owner, "220-81-62517", "성남 콜택시", 2_400_000);
    }

    private static void fileClaim(String owner, String number, String name, long loss) {
        Api.post(suite.url("payout") + "/api/v1/programs/" + programId + "/claims", owner, Map.of(
                "businessRegistrationNumber", number, "businessName", name, "category", "taxi", "service", "kakaot",
                "reportedLoss", loss, "lossBasis", "이틀간 배차 중단",
                "bankAccount", Map.of("bank", "Shinhan", "accountNumber", "110-123-456789", "holder", "Kim Minsu"),
                "evidence", List.of(Map.of("type", "sales_ledger", "ref", "ledger-2022-10.pdf"))), 201);
    }

    @BeforeEach
    void signedOut() {
        browser.open(suite.console("payout") + "/login");
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void recommendThenFourEyesThenApproveThenPay() {
        browser.signIn(suite.console("payout"), reviewer);
        browser.open(suite.url("payout") + "/console/reviews?program=" + programId);
        assertThat(browser.text("#queue-count")).isEqualTo("심사를 기다리는 신청 2건");
        assertThat(browser.text("#queue tbody")).contains("판교 택시").contains("3,000,000원");
        browser.screenshot("console-review-queue");

        browser.clickAndAwaitNextPage(By.linkText("판교 택시"));
        assertThat(browser.text("#claim-state")).isEqualTo("심사 대기");
        assertThat(browser.text("#claim")).contains("*****6789").doesNotContain("110-123-456789");
        assertThat(browser.text("#evidence")).contains("ledger-2022-10.pdf");
        String assessed = browser.text("#assessed-loss");
        browser.find("input[name=decision][value=recommend]").click();
        browser.find("#amount").sendKeys(assessed.replace(",", "").replace("원", ""));
        browser.find("#reason").sendKeys("매출 장부와 배차 기록이 일치함");
        browser.clickAndAwaitNextPage("#decide button[type=submit]");
        assertThat(browser.text("#saved")).isEqualTo("저장되었습니다: 추천");
        assertThat(browser.text("#claim-state")).isEqualTo("추천됨 (승인 대기)");
        assertThat(browser.text("#recommended-by")).isEqualTo("reviewer-lee@example.com");
        String claimPage = browser.driver.getCurrentUrl().replaceAll("\\?.*", "");

        // four-eyes: the recommender, even with the approver role, cannot approve
        browser.signIn(suite.console("payout"), reviewerWhoAlsoApproves);
        browser.open(claimPage);
        decide("approve", "직접 승인 시도");
        assertThat(browser.find("#refused").isDisplayed()).isTrue();
        assertThat(browser.text("#claim-state")).isEqualTo("추천됨 (승인 대기)");
        browser.screenshot("console-four-eyes-refused");

        browser.signIn(suite.console("payout"), approver);
        browser.open(claimPage);
        decide("approve", "위원회 승인");
        assertThat(browser.text("#claim-state")).isEqualTo("승인");
        browser.screenshot("console-claim-approved");

        JsonNode batch = Api.post(suite.url("payout") + "/api/v1/programs/" + programId + "/payout-batches", approver, null, 201);
        browser.open(suite.url("payout") + "/console/batches");
        String row = browser.text("#batches tr[data-batch='" + batch.get("id").asText() + "']");
        assertThat(row).contains("정산 전").contains(String.format("%,d원", batch.get("totalAmount").asLong()));
        // the transfer file (every account number in clear) takes two payout approvers: one asks, another approves
        String batchRow = "#batches tr[data-batch='" + batch.get("id").asText() + "']";
        assertThat(browser.all(batchRow + " a[download]")).isEmpty();
        browser.clickAndAwaitNextPage(batchRow + " .ask-release");
        assertThat(browser.find(batchRow + " td.release").getAttribute("data-release")).isEqualTo("pending");
        browser.signIn(suite.console("payout"), reviewerWhoAlsoApproves);
        browser.open(suite.url("payout") + "/console/batches");
        browser.clickAndAwaitNextPage(batchRow + " .approve-release");
        assertThat(browser.find(batchRow + " td.release").getAttribute("data-release")).as(browser.text("body")).isEqualTo("approved");
        browser.signIn(suite.console("payout"), approver);
        browser.open(suite.url("payout") + "/console/batches");
        String csvLink = browser.find("#batches tr[data-batch='" + batch.get("id").asText() + "'] a[download]").getAttribute("href");
        HttpResponse<String> csv = Api.getWithCookie(csvLink, browser.sessionCookie("payout"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("110-123-456789").contains(String.valueOf(batch.get("totalAmount").asLong()));
        browser.screenshot("console-payout-batches");
    }

    @Test
    void anIllegalDecisionIsRefusedOnThePage() {
        browser.signIn(suite.console("payout"), reviewer);
        browser.open(suite.url("payout") + "/console/reviews?program=" + programId);
        browser.clickAndAwaitNextPage(By.linkText("성남 콜택시"));
        decide("approve", "추천 없이 승인");
        assertThat(browser.find("#refused").getText()).isNotBlank();
        assertThat(browser.text("#claim-state")).isEqualTo("심사 대기");
    }

    @Test
    void claimsArePrivateToTheCommittee() {
        browser.open(suite.url("payout") + "/console/reviews?program=" + programId);
        assertThat(browser.driver.getCurrentUrl()).contains("/console/payout/login");
        browser.signIn(suite.console("payout"), RunningSuite.token("", "owner-choi@example.com"));
        browser.open(suite.url("payout") + "/console/reviews?program=" + programId);
        assertThat(browser.text("h1")).isEqualTo("이 페이지를 볼 권한이 없습니다");
        assertThat(browser.text("p.problem")).contains("owner-choi@example.com");
        assertThat(browser.driver.getPageSource()).doesNotContain("판교 택시").doesNotContain("116-82-00276");
    }

    private static void decide(String decision, String reason) {
        browser.find("input[name=decision][value=" + decision + "]").click();
        browser.find("#reason").sendKeys(reason);
        browser.clickAndAwaitNextPage("#decide button[type=submit]");
    }
}
