package kr.outage.compensation.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** The public status page, as a subscriber would use it after the fire: no login, Korean first. */
class StatusPageBrowserTest extends BrowserTest {

    @Test
    void fromTheListToTheFireTimeline() {
        browser.open(suite.url("incident") + "/status");
        assertThat(browser.find("h1").getText()).isEqualTo("서비스 장애 현황");
        browser.clickAndAwaitNextPage(By.partialLinkText("Pangyo data-center fire"));

        assertThat(browser.text("#total strong")).isEqualTo("127시간 30분");
        assertThat(browser.text("#service-totals tr[data-service=kakaotalk] td.num")).isEqualTo("127시간 30분");
        assertThat(browser.text("#service-totals tr[data-service=melon] td.num")).isEqualTo("50시간 41분");
        assertThat(browser.all("#service-totals tbody tr")).hasSize(6);
        // the picture: a block per service, bars drawn with a real width, the axis in KST
        assertThat(browser.all("details.service")).hasSize(6);
        WebElement firstBar = browser.find("details[data-service=kakaotalk] .platform-row .bar");
        assertThat(firstBar.getSize().getWidth()).isGreaterThan(500);
        assertThat(firstBar.getAttribute("title")).contains("전면 장애").contains("2022-10-15 15:19");
        assertThat(browser.all(".tick").get(0).getText()).isEqualTo("10/16 00:00");
        assertThat(browser.all("ol.updates > li")).hasSize(13);
        browser.screenshot("status-fire");

        browser.clickAndAwaitNextPage(By.linkText("English"));
        assertThat(browser.text("#total")).startsWith("Total impaired time: 127 h 30 min");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
    }

    @Test
    void theMobileOnlyOutageShowsOnlyTheMobileRowRed() {
        browser.open(suite.url("incident") + "/status");
        browser.clickAndAwaitNextPage(By.partialLinkText("Genie Music"));
        assertThat(browser.text("#total strong")).isEqualTo("50분");
        assertThat(browser.all(".platform-row[data-platform=mobile] .bar.major_outage")).hasSize(1);
        assertThat(browser.all(".platform-row[data-platform=web] .bar")).isEmpty();
        assertThat(browser.all(".platform-row[data-platform=pc] .bar")).isEmpty();
        browser.screenshot("status-mobile-only");
    }

    @Test
    void theServiceBlocksFoldWithTheKeyboard() {
        browser.open(suite.url("incident") + "/status");
        browser.clickAndAwaitNextPage(By.partialLinkText("Pangyo data-center fire"));
        WebElement summary = browser.find("details[data-service=kakaopay] > summary");
        assertThat(browser.find("details[data-service=kakaopay]").getAttribute("open")).isNotNull();
        summary.sendKeys(Keys.ENTER);
        assertThat(browser.find("details[data-service=kakaopay]").getAttribute("open")).isNull();
        assertThat(browser.find("details[data-service=kakaopay] .row").isDisplayed()).isFalse();
    }
}
