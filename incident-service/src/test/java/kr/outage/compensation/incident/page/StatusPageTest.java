package kr.outage.compensation.incident.page;

import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.incident.support.Database;
import kr.outage.compensation.incident.support.Incidents;
import kr.outage.compensation.platform.testing.Tokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The public status page as a person sees it: totals, the timeline picture, the updates, both languages. */
@QuarkusTest
class StatusPageTest {

    static String fire;
    static String genie;

    @BeforeEach
    void loadOnce() {
        if (fire == null) {
            Database.clean();
            fire = Incidents.post(Incidents.FIRE);
            genie = Incidents.post(Incidents.MOBILE_ONLY);
        }
    }

    @Test
    void theFireShowsItsTotalEveryServiceAndItsUpdatesInKorean() {
        Document page = page("/status/incidents/" + fire);
        assertThat(page.select("html").attr("lang")).isEqualTo("ko");
        assertThat(page.select("#total strong").text()).isEqualTo("127시간 30분");
        assertThat(page.select("#service-totals tbody tr")).hasSize(6);
        assertThat(page.select("#service-totals tr[data-service=kakaotalk] td.num").text()).isEqualTo("127시간 30분");
        assertThat(page.select("#service-totals tr[data-service=kakaot] td.num").text()).isEqualTo("28시간 41분");
        // every service has bars, every function of KakaoTalk has a row, and the first update comes first
        for (Element service : page.select("details.service")) {
            assertThat(service.select(".bar")).as(service.attr("data-service")).isNotEmpty();
        }
        assertThat(page.select("details[data-service=kakaotalk] .row.function").eachAttr("data-function"))
                .contains("messaging", "login", "media_transfer", "talk_drawer");
        // readers see the functions' names, not their keys, and every row keeps its platform tag
        assertThat(page.select("details[data-service=kakaotalk] .row.function[data-function=talk_drawer] .label").text())
                .startsWith("톡서랍");
        assertThat(page.select("details[data-service=kakaotalk] .row.function .label").eachText())
                .noneMatch(label -> label.contains("_"));
        assertThat(page.select(".row.function .label")).allSatisfy(label -> assertThat(label.select(".platform")).hasSize(1));
        assertThat(page.select("ol.updates > li")).hasSize(13);
        assertThat(page.select("ol.updates > li").first().select("time").attr("datetime")).isEqualTo("2022-10-15T15:19:00+09:00");
        // the axis is in KST: the fire started at 15:19 KST, so the chart starts at 15:00 KST
        assertThat(page.select(".tick").first().text()).isEqualTo("10/16 00:00");
        assertThat(page.select(".bar.major_outage").first().attr("title")).contains("2022-10-15 15:19");
        // each bar is an image with a name of its own (state, times, duration), not only a colour and a tooltip
        assertThat(page.select(".bar")).allSatisfy(bar -> assertThat(bar.attr("aria-label")).isEqualTo(bar.attr("title")).isNotBlank());
    }

    @Test
    void theMobileOnlyOutageShowsOnlyTheMobileRowRed() {
        Document page = page("/status/incidents/" + genie);
        assertThat(page.select("#total strong").text()).isEqualTo("50분");
        Map<String, Integer> barsPerPlatform = Map.of(
                "mobile", page.select(".platform-row[data-platform=mobile] .bar").size(),
                "web", page.select(".platform-row[data-platform=web] .bar").size(),
                "pc", page.select(".platform-row[data-platform=pc] .bar").size());
        assertThat(barsPerPlatform).isEqualTo(Map.of("mobile", 1, "web", 0, "pc", 0));
        assertThat(page.select(".platform-row[data-platform=mobile] .bar").hasClass("major_outage")).isTrue();
        assertThat(page.select(".platform-row[data-platform=mobile] .bar").attr("title"))
                .contains("2019-02-12 12:37–2019-02-12 13:27").contains("50분");
    }

    @Test
    void englishOnRequest() {
        Document page = page("/status/incidents/" + fire + "?lang=en");
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("#total").text()).startsWith("Total impaired time: 127 h 30 min");
        assertThat(page.select("#service-totals tr[data-service=melon] td.num").text()).isEqualTo("50 h 41 min");
        assertThat(page.select("header a[lang=ko]").text()).isEqualTo("한국어");
        assertThat(page.select("details[data-service=kakaotalk] .row.function[data-function=talk_drawer] .label").text())
                .startsWith("Talk Drawer");
    }

    @Test
    void theListSeparatesOngoingFromPast() {
        String ongoing = Incidents.post(new kr.outage.compensation.incident.demo.DemoIncident(
                Incidents.read(Incidents.MOBILE_ONLY).incident(), List.of()), List.of());
        try {
            Document page = page("/status");
            assertThat(page.select("h2#past + table a").eachAttr("href"))
                    .contains("/status/incidents/" + fire + "?lang=ko", "/status/incidents/" + genie + "?lang=ko");
            assertThat(page.select("h2#ongoing + table a").eachAttr("href")).contains("/status/incidents/" + ongoing + "?lang=ko");
        } finally {
            fire = null; // later tests start from a clean database again
        }
    }

    @Test
    void aThousandUpdatesArePagedAndMessagesAreEscaped() {
        String commander = Tokens.commander();
        String incident = Incidents.post(new kr.outage.compensation.incident.demo.DemoIncident(
                Incidents.read(Incidents.MOBILE_ONLY).incident(), List.of()), List.of());
        for (int i = 0; i < 120; i++) {
            Incidents.postUpdate(incident, Map.of("at", String.format("2019-02-12T03:%02d:%02dZ", 37 + i / 60, i % 60),
                    "status", "investigating", "message", "<script>alert(" + i + ")</script> update " + i), commander);
        }
        Document first = page("/status/incidents/" + incident);
        assertThat(first.select("ol.updates > li")).hasSize(50);
        assertThat(first.select("ol.updates script")).isEmpty();
        assertThat(first.select("ol.updates > li .message").first().text()).isEqualTo("<script>alert(0)</script> update 0");
        assertThat(first.select("nav.pages a[rel=next]").attr("href")).contains("updates=1");
        Document last = page("/status/incidents/" + incident + "?updates=2");
        assertThat(last.select("ol.updates > li")).hasSize(20);
        assertThat(last.select("ol.updates > li .message").last().text()).endsWith("update 119");
        // switching language keeps the reader on the same page of updates
        assertThat(last.select("header a[lang=en]").attr("href")).isEqualTo("?lang=en&updates=2");
        assertThat(page("/status/incidents/" + incident + "?updates=99").select("ol.updates > li")).hasSize(20);
        assertThat(page("/status/incidents/" + incident + "?updates=x").select("ol.updates > li")).hasSize(50);
        fire = null;
    }

    @Test
    void thePageIsSentCompressedToBrowsersThatAskForIt() {
        String compressed = given().header("Accept-Encoding", "gzip").when().get("/status/incidents/" + fire).then()
                .statusCode(200).header("Content-Encoding", "gzip").extract().asString();
        assertThat(compressed).contains("127시간 30분");
        // without the test client's own Accept-Encoding, as a client that cannot inflate would ask
        var plainClient = io.restassured.RestAssured.config().decoderConfig(
                io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders());
        given().config(plainClient).when().get("/status/incidents/" + fire).then()
                .statusCode(200).header("Content-Encoding", org.hamcrest.Matchers.nullValue());
        given().header("Accept-Encoding", "gzip").when().get("/api/v1/incidents/" + fire).then()
                .statusCode(200).header("Content-Encoding", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anUnknownIncidentIsAnHtml404() {
        given().when().get("/status/incidents/00000000-0000-0000-0000-000000000000").then()
                .statusCode(404).contentType("text/html");
    }

    private static Document page(String path) {
        String html = given().when().get(path).then().statusCode(200).contentType("text/html").extract().asString();
        return Jsoup.parse(html);
    }
}
