package kr.outage.compensation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator previews the music-service campaign, applies it and watches the run to its end. */
class CampaignConsoleBrowserTest extends BrowserTest {

    static final int CROWD = 150_000;
    static String operator;
    static String approver;

    @BeforeAll
    static void setUp() throws Exception {
        operator = RunningSuite.token("compensation-operator", "operator-kim@example.com");
        approver = RunningSuite.token("compensation-approver", "approver-lee@example.com");
        // enough subscriptions that a run takes a while to watch: the demo's mix under other user ids
        Path csv = Files.createTempFile("crowd", ".csv");
        RunningSuite.run(List.of("bash", "-c", "python3 bench/make_subscriptions.py " + CROWD + " | sed 's/^user-/crowd-/' > " + csv), Map.of());
        HttpResponse<String> imported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(suite.url("entitlement") + "/api/v1/subscriptions/import"))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        Files.delete(csv);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    @BeforeEach
    void signedOut() {
        // on a console page: the session cookie (Path=/console) is not visible, nor deleted, from elsewhere
        browser.open(suite.console("entitlement") + "/login");
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void previewApplyAndWatchTheRun() {
        browser.open(suite.url("entitlement") + "/console/campaigns");
        assertThat(browser.driver.getCurrentUrl()).contains("/console/login");
        browser.find("#token").sendKeys(operator);
        browser.clickAndAwaitNextPage("form button[type=submit]");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/campaigns");
        assertThat(browser.text("header.site")).contains("operator-kim@example.com");

        browser.clickAndAwaitNextPage(By.linkText("MELON-2022-1015"));
        String campaignId = browser.driver.getCurrentUrl().replaceAll(".*/console/campaigns/([0-9a-f-]+).*", "$1");
        JsonNode preview = Api.post(suite.url("entitlement") + "/api/v1/campaigns/" + campaignId + "/preview", operator, null, 200);
        long toApply = preview.at("/totals/toApply").asLong();
        assertThat(toApply).isGreaterThan(CROWD / 2);
        assertThat(browser.text("#preview-total")).contains(String.format("%,d", preview.at("/totals/eligible").asLong()))
                .contains(String.format("%,d", toApply)).contains(String.format("%,d", preview.at("/totals/days").asLong()))
                .contains(String.format("%,d원", preview.at("/totals/krw").asLong()));
        assertThat(browser.all("#preview-groups tbody tr")).hasSize(preview.at("/groups").size());
        browser.screenshot("console-campaign-preview");

        // two people: the operator asks, an approver (another person) approves, the operator applies
        assertThat(browser.all("#apply")).isEmpty();
        browser.clickAndAwaitNextPage("#ask-run");
        assertThat(browser.find("#approvals tr[data-action='campaign.run']").getAttribute("data-state")).isEqualTo("pending");
        assertThat(browser.all("#approvals .approve")).as("nobody approves their own request").isEmpty();
        browser.signIn(suite.console("entitlement"), approver);
        browser.open(suite.url("entitlement") + "/console/campaigns/" + campaignId);
        assertThat(browser.all("#ask-run, #apply")).isEmpty();
        browser.screenshot("console-approval-waiting");
        browser.clickAndAwaitNextPage("#approvals tr[data-action='campaign.run'] .approve");
        assertThat(browser.find("#approvals tr[data-action='campaign.run']").getAttribute("data-state")).isEqualTo("approved");
        browser.signIn(suite.console("entitlement"), operator);
        browser.open(suite.url("entitlement") + "/console/campaigns/" + campaignId);

        browser.clickAndAwaitNextPage("#apply");
        assertThat(browser.driver.getCurrentUrl()).contains("/runs/");
        assertThat(browser.find("#run-state").getAttribute("data-state")).isIn("preparing", "running");
        assertThat(browser.find("#run-progress").getTagName()).isEqualTo("progress");
        assertThat(browser.find("head meta[http-equiv=refresh]").getAttribute("content")).isEqualTo("2");
        browser.waitFor(Duration.ofSeconds(60), d -> !browser.all("#run-groups tbody tr").isEmpty()
                && browser.find("#run-state").getAttribute("data-state").equals("running")
                && !browser.text("#run-counts").startsWith("0 /"));
        browser.screenshot("console-run-in-progress");

        // the page reloads itself (no JavaScript) until the run is over
        browser.waitFor(Duration.ofSeconds(180), d -> browser.find("#run-state").getAttribute("data-state").startsWith("completed"));
        assertThat(browser.find("#run-state").getAttribute("data-state")).isEqualTo("completed");
        long applied = browser.all("#run-groups tbody td.num").stream()
                .mapToLong(td -> Long.parseLong(td.getText().replace(",", ""))).sum();
        assertThat(applied).isEqualTo(toApply);
        assertThat(browser.text("#run-counts")).isEqualTo(String.format("%,d / %,d", toApply, toApply));
        assertThat(browser.all("#no-failures")).hasSize(1);
        assertThat(browser.all("head meta[http-equiv=refresh]")).isEmpty();
        browser.screenshot("console-run-completed");
    }

    /**
     * A second campaign for the same incident and service, defined by hand: a draft, invisible to the
     * public, whose preview names the official one it overlaps; published and then withdrawn with a
     * reason from the console, after which the public verifier answers "withdrawn".
     */
    @Test
    void aDraftIsPublishedAndWithdrawnFromTheConsole() throws Exception {
        String fire = Api.get(suite.url("incident") + "/api/v1/incidents?from=2022-10-15T00:00:00Z&to=2022-10-16T00:00:00Z", operator)
                .at("/items/0/id").asText();
        JsonNode draft = Api.post(suite.url("entitlement") + "/api/v1/campaigns", operator, new ObjectMapper().readTree("""
                {"code":"MELON-1015-BONUS","title":"멜론 추가 보상 (예정)","description":"멜론 이용권 보유 고객 1,000원 캐시",
                 "incidentId":"%s","services":["melon"],"serviceNames":{"melon":["멜론","Melon"]},"scope":"subscriptions",
                 "snapshotAt":"2022-10-16T00:00:00+09:00",
                 "groups":[{"name":"Every pass: cash","remedies":[{"type":"credit_cash","amountKrw":1000}]}]}""".formatted(fire)), 201);
        String id = draft.at("/id").asText();

        browser.signIn(suite.console("entitlement"), operator);
        browser.open(suite.url("entitlement") + "/console/campaigns/" + id);
        assertThat(browser.find("#campaign-state").getAttribute("data-state")).isEqualTo("draft");
        assertThat(browser.text("#campaign-state")).isEqualTo("초안 (비공개)");
        assertThat(browser.text("#overlap-campaigns")).contains("MELON-2022-1015");
        assertThat(browser.all("#apply")).isEmpty();
        browser.screenshot("console-campaign-draft");

        // publishing takes a second person's approval; the approver may refuse it, with a reason, in the console
        assertThat(browser.all("#publish")).isEmpty();
        browser.clickAndAwaitNextPage("#ask-publish");
        String refused = browser.find("#approvals tr[data-action='campaign.publish']").getAttribute("data-approval");
        browser.signIn(suite.console("entitlement"), approver);
        browser.open(suite.url("entitlement") + "/console/campaigns/" + id);
        browser.find("#reject-reason-" + refused).sendKeys("설명에 지급 시점이 빠져 있음");
        browser.clickAndAwaitNextPage("#approvals tr[data-approval='" + refused + "'] .reject");
        assertThat(browser.find("#approvals tr[data-approval='" + refused + "']").getAttribute("data-state")).isEqualTo("rejected");
        browser.signIn(suite.console("entitlement"), operator);
        browser.open(suite.url("entitlement") + "/console/campaigns/" + id);
        assertThat(browser.all("#publish")).as("a rejected request publishes nothing").isEmpty();
        assertThat(browser.find("#campaign-state").getAttribute("data-state")).isEqualTo("draft");

        // asked again, and approved this time (through the API; the console way is shown above)
        browser.clickAndAwaitNextPage("#ask-publish");
        String asked = browser.find("#approvals tr[data-action='campaign.publish'][data-state='pending']").getAttribute("data-approval");
        Api.post(suite.url("entitlement") + "/api/v1/approvals/" + asked + "/approve", approver, null, 200);
        browser.open(suite.url("entitlement") + "/console/campaigns/" + id);

        // publishing without ticking the confirmation is stopped by the page itself
        browser.find("#publish").click();
        assertThat(browser.find("#campaign-state").getAttribute("data-state")).isEqualTo("draft");
        browser.find("#publish-confirm").click();
        browser.clickAndAwaitNextPage("#publish");
        assertThat(browser.find("#campaign-state").getAttribute("data-state")).isEqualTo("published");
        assertThat(browser.all("#publish")).isEmpty();
        assertThat(browser.all("#ask-run")).as("applying needs its own approval").hasSize(1);

        browser.find("#withdraw-reason").sendKeys("같은 장애에 대한 중복 보상으로 철회");
        browser.find("#withdraw-confirm").click();
        browser.clickAndAwaitNextPage("#withdraw");
        assertThat(browser.find("#campaign-state").getAttribute("data-state")).isEqualTo("withdrawn");
        assertThat(browser.all("#withdraw")).isEmpty();
        browser.screenshot("console-campaign-withdrawn");

        browser.open(suite.url("entitlement") + "/compensations/verify");
        browser.find("#offer").sendKeys("멜론 1,000원 보너스 캐시 지급");
        browser.clickAndAwaitNextPage("form[role=search] button");
        assertThat(browser.find("#answer").getAttribute("data-verdict")).isEqualTo("withdrawn");
        assertThat(browser.text("#answer h2 .says")).isEqualTo("철회된 보상입니다");
        assertThat(browser.text("#official-list tr[data-code=MELON-1015-BONUS]")).contains("철회됨");
        browser.screenshot("verify-withdrawn");
    }

    @Test
    void aSubscriberGetsNoCampaignData() {
        browser.signIn(suite.console("entitlement"), RunningSuite.token("subscriber", "crowd-00000001"));
        browser.open(suite.url("entitlement") + "/console/campaigns");
        assertThat(browser.text("h1")).isEqualTo("이 페이지를 볼 권한이 없습니다");
        assertThat(browser.text("p.problem")).contains("crowd-00000001").contains("compensation-operator");
        assertThat(browser.driver.getPageSource()).doesNotContain("MELON-2022-1015");
        browser.screenshot("console-refused");
    }

    @Test
    void aForgedTokenDoesNotSignIn() {
        browser.open(suite.console("entitlement") + "/login");
        browser.find("#token").sendKeys("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl");
        browser.clickAndAwaitNextPage("form button[type=submit]");
        assertThat(browser.text("[role=alert]")).isEqualTo("토큰이 유효하지 않거나 만료되었습니다.");
        assertThat(browser.sessionCookie("entitlement")).isEmpty();
    }
}
