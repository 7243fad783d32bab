package kr.outage.compensation.incident;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kr.outage.compensation.incident.support.Database;
import kr.outage.compensation.incident.support.Incidents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The 2022 data-center fire: staggered, partial recovery; everything back after 127 h 30 min. */
@QuarkusTest
class FireScenarioTest {

    static String fire;

    @BeforeEach
    void loadFireOnce() {
        if (fire == null) {
            Database.clean();
            fire = Incidents.post(Incidents.FIRE);
        }
    }

    @Test
    void incidentTotalIsFirstImpairmentToLastRecovery() {
        given().when().get("/api/v1/incidents/{id}/impact", fire).then().statusCode(200)
                .body("totalDuration", equalTo("PT127H30M"))
                .body("totalDurationSeconds", equalTo(127 * 3600 + 30 * 60))
                .body("firstImpairmentAt", equalTo("2022-10-15T06:19:00Z"))
                .body("lastRecoveryAt", equalTo("2022-10-20T13:49:00Z"))
                .body("ongoing", equalTo(false));
    }

    @Test
    void incidentIsResolvedWithDurationsPerService() {
        JsonPath incident = given().when().get("/api/v1/incidents/{id}", fire).then().statusCode(200)
                .body("status", equalTo("resolved"))
                .body("resolvedAt", equalTo("2022-10-20T13:49:00Z"))
                .body("impact.totalDuration", equalTo("PT127H30M"))
                .extract().jsonPath();
        Map<String, String> impaired = Map.of(
                "kakaotalk", "PT127H30M",   // Talk Drawer was last
                "melon", "PT50H41M",        // to 10-17 18:00 KST; big data only degraded after that
                "kakaomail", "PT77H41M",    // attachments failing until 10-18 21:00 KST
                "daummail", "PT90H41M",     // still recovering on day 4, back 10-19 10:00 KST
                "kakaopay", "PT98H41M",     // support mail back 10-19 18:00 KST
                "kakaot", "PT28H41M");      // back 10-16 20:00 KST
        impaired.forEach((service, duration) -> assertThat(
                incident.getString("services.find { it.service == '" + service + "' }.impairedDuration"))
                .as(service).isEqualTo(duration));
        assertThat(incident.getList("services.currentState")).containsOnly("operational");
    }

    @Test
    void melonWindowsShowThePartialRecoveryOfDayTwo() {
        JsonPath impact = given().queryParam("service", "melon").queryParam("platform", "mobile")
                .when().get("/api/v1/incidents/{id}/impact", fire).then().statusCode(200)
                .body("services.service", contains("melon"))
                .extract().jsonPath();
        // service level: one window, major outage throughout (charts and search stayed down)
        assertThat(impact.getList("services[0].platforms[0].windows.from")).containsExactly("2022-10-15T06:19:00Z");
        assertThat(impact.getList("services[0].platforms[0].windows.to")).containsExactly("2022-10-17T09:00:00Z");
        assertThat(impact.getList("services[0].platforms[0].windows.state")).containsExactly("major_outage");
        // login: major until day 2 10:00 KST, then partial until day 3 09:00 KST
        String login = "services[0].functions.find { it.function == 'login' }.windows";
        assertThat(impact.getList(login + ".state")).containsExactly("major_outage", "partial_outage");
        assertThat(impact.getList(login + ".from")).containsExactly("2022-10-15T06:19:00Z", "2022-10-16T01:00:00Z");
        assertThat(impact.getList(login + ".to")).containsExactly("2022-10-16T01:00:00Z", "2022-10-17T00:00:00Z");
        assertThat(impact.getList(login + ".duration")).containsExactly("PT18H41M", "PT23H");
        // big data: major, then degraded (not impaired by default, but a window of its own)
        String bigdata = "services[0].functions.find { it.function == 'bigdata' }.windows";
        assertThat(impact.getList(bigdata + ".state")).containsExactly("major_outage", "degraded");
        assertThat(impact.getList(bigdata + ".to")).containsExactly("2022-10-17T09:00:00Z", "2022-10-18T12:00:00Z");
    }

    @Test
    void checkAnswersWhatWasDownAtAnInstant() {
        given().queryParam("service", "melon").queryParam("platform", "mobile").queryParam("at", "2022-10-16T12:00:00+09:00")
                .when().get("/api/v1/incidents/{id}/impact/check", fire).then().statusCode(200)
                .body("affected", equalTo(true))
                .body("impairedAt", equalTo(true))
                .body("stateAt", equalTo("major_outage"))
                .body("impairedFunctionsAt", containsInAnyOrder("bigdata", "charts", "login", "search", "streaming"))
                .body("totalImpairedDuration", equalTo("PT50H41M"));
        given().queryParam("service", "melon").queryParam("platform", "web").queryParam("at", "2022-10-17T12:00:00+09:00")
                .when().get("/api/v1/incidents/{id}/impact/check", fire).then().statusCode(200)
                .body("impairedAt", equalTo(true))
                .body("impairedFunctionsAt", containsInAnyOrder("bigdata", "charts", "search"));
    }

    @Test
    void degradedCountsOnlyWhenAskedFor() {
        String dayFour = "2022-10-18T12:00:00+09:00";
        given().queryParam("service", "melon").queryParam("at", dayFour)
                .when().get("/api/v1/incidents/{id}/impact/check", fire).then().statusCode(200)
                .body("impairedAt", equalTo(false))
                .body("stateAt", equalTo("degraded"))
                .body("impairedFrom", equalTo("partial_outage"))
                .body("totalImpairedDuration", equalTo("PT50H41M"));
        given().queryParam("service", "melon").queryParam("at", dayFour).queryParam("includeDegraded", "true")
                .when().get("/api/v1/incidents/{id}/impact/check", fire).then().statusCode(200)
                .body("impairedAt", equalTo(true))
                .body("impairedFrom", equalTo("degraded"))
                .body("totalImpairedDuration", equalTo("PT77H41M"));
    }

    @Test
    void aServiceTheIncidentNeverMentionedIsNotAffected() {
        given().queryParam("service", "kakaowebtoon").queryParam("at", "2022-10-16T12:00:00+09:00")
                .when().get("/api/v1/incidents/{id}/impact/check", fire).then().statusCode(200)
                .body("affected", equalTo(false))
                .body("impairedAt", equalTo(false))
                .body("everImpaired", equalTo(false))
                .body("totalImpairedSeconds", equalTo(0))
                .body("windows", equalTo(List.of()));
    }

    @Test
    void timelineListsUpdatesInTimeOrder() {
        given().when().get("/api/v1/incidents/{id}/timeline", fire).then().statusCode(200)
                .body("size()", equalTo(13))
                .body("[0].at", equalTo("2022-10-15T06:19:00Z"))
                .body("[12].status", equalTo("resolved"))
                .body("[12].correctsUpdateId", nullValue());
    }
}
