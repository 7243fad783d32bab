package kr.outage.compensation.incident;

import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.incident.support.Database;
import kr.outage.compensation.incident.support.Incidents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** The 2019 mobile-only outage: 50 minutes on mobile, nothing on web or PC. */
@QuarkusTest
class MobileOnlyOutageTest {

    static String genie;

    @BeforeEach
    void loadOnce() {
        if (genie == null) {
            Database.clean();
            genie = Incidents.post(Incidents.MOBILE_ONLY);
        }
    }

    @Test
    void fiftyMinutesOnMobileOnly() {
        given().when().get("/api/v1/incidents/{id}/impact", genie).then().statusCode(200)
                .body("totalDuration", equalTo("PT50M"))
                .body("services[0].service", equalTo("genie"))
                .body("services[0].platforms.find { it.platform == 'mobile' }.impairedDuration", equalTo("PT50M"))
                .body("services[0].platforms.find { it.platform == 'mobile' }.windows[0].from", equalTo("2019-02-12T03:37:00Z"))
                .body("services[0].platforms.find { it.platform == 'mobile' }.windows[0].to", equalTo("2019-02-12T04:27:00Z"))
                .body("services[0].platforms.find { it.platform == 'web' }.impairedSeconds", equalTo(0))
                .body("services[0].platforms.find { it.platform == 'web' }.windows", empty())
                .body("services[0].platforms.find { it.platform == 'pc' }.impairedSeconds", equalTo(0));
    }

    @Test
    void checkPerPlatformDuringTheOutage() {
        String during = "2019-02-12T13:00:00+09:00";
        given().queryParam("service", "genie").queryParam("platform", "mobile").queryParam("at", during)
                .when().get("/api/v1/incidents/{id}/impact/check", genie).then().statusCode(200)
                .body("impairedAt", equalTo(true)).body("stateAt", equalTo("major_outage"))
                .body("totalImpairedSeconds", equalTo(50 * 60));
        for (String platform : new String[]{"web", "pc"}) {
            given().queryParam("service", "genie").queryParam("platform", platform).queryParam("at", during)
                    .when().get("/api/v1/incidents/{id}/impact/check", genie).then().statusCode(200)
                    .body("affected", equalTo(true))
                    .body("impairedAt", equalTo(false)).body("stateAt", equalTo("operational"))
                    .body("totalImpairedSeconds", equalTo(0));
        }
    }

    @Test
    void windowBoundsAreHalfOpen() {
        given().queryParam("service", "genie").queryParam("platform", "mobile").queryParam("at", "2019-02-12T12:37:00+09:00")
                .when().get("/api/v1/incidents/{id}/impact/check", genie).then().body("impairedAt", equalTo(true));
        given().queryParam("service", "genie").queryParam("platform", "mobile").queryParam("at", "2019-02-12T13:27:00+09:00")
                .when().get("/api/v1/incidents/{id}/impact/check", genie).then().body("impairedAt", equalTo(false));
        given().queryParam("service", "genie").queryParam("platform", "mobile").queryParam("at", "2019-02-12T12:36:59+09:00")
                .when().get("/api/v1/incidents/{id}/impact/check", genie).then().body("impairedAt", equalTo(false));
    }

    @Test
    void anyPlatformMeansTheUnionOfPlatforms() {
        given().queryParam("service", "genie").queryParam("platform", "all")
                .when().get("/api/v1/incidents/{id}/impact/check", genie).then().statusCode(200)
                .body("totalImpairedDuration", equalTo("PT50M"));
    }
}
