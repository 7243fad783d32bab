package kr.outage.compensation.browser;

import com.fasterxml.jackson.databind.JsonNode;
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

    @BeforeAll
    static void setUp() throws Exception {
        operator = RunningSuite.token("compensation-operator", "operator-kim@example.com");
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
        browser.open(suite.url("entitlement") + "/compensations/verify");
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

    @Test
    void aSubscriberGetsNoCampaignData() {
        browser.signIn(suite.url("entitlement"), RunningSuite.token("subscriber", "crowd-00000001"));
        browser.open(suite.url("entitlement") + "/console/campaigns");
        assertThat(browser.driver.getPageSource()).contains("403").doesNotContain("MELON-2022-1015");
    }

    @Test
    void aForgedTokenDoesNotSignIn() {
        browser.open(suite.url("entitlement") + "/console/login");
        browser.find("#token").sendKeys("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl");
        browser.clickAndAwaitNextPage("form button[type=submit]");
        assertThat(browser.text("[role=alert]")).isEqualTo("토큰이 유효하지 않거나 만료되었습니다.");
        assertThat(browser.sessionCookie()).isEmpty();
    }
}
