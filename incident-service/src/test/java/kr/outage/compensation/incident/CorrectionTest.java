package kr.outage.compensation.incident;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kr.outage.compensation.incident.support.Database;
import kr.outage.compensation.incident.support.Incidents;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Corrections and retractions change the computed windows and keep what was originally said. */
@QuarkusTest
class CorrectionTest {

    String genie;
    String commander = Tokens.commander();

    @BeforeEach
    void postMobileOutageWithAWrongRecoveryTime() {
        Database.clean();
        genie = given().auth().oauth2(commander).contentType(ContentType.JSON)
                .body(Incidents.read(Incidents.MOBILE_ONLY).incident())
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        Incidents.postUpdate(genie, update("2019-02-12T12:37:00+09:00", "investigating", "major_outage"), commander);
    }

    @Test
    void correctionReplacesTheWindowAndKeepsTheOriginal() {
        String wrong = Incidents.postUpdate(genie, update("2019-02-12T13:57:00+09:00", "resolved", "operational"), commander);
        mobileTotal("PT1H20M");

        String replacement = given().auth().oauth2(commander).contentType(ContentType.JSON)
                .body(Map.of("reason", "Recovery was 13:27; 13:57 was a typo in the status note",
                        "replacement", update("2019-02-12T13:27:00+09:00", "resolved", "operational")))
                .when().post("/api/v1/incidents/{id}/updates/{u}/corrections", genie, wrong)
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("correctsUpdateId", equalTo(wrong))
                .body("effective", equalTo(true))
                .extract().path("id");
        mobileTotal("PT50M");

        given().when().get("/api/v1/incidents/{id}/timeline", genie).then().statusCode(200)
                .body("size()", equalTo(3))
                .body("find { it.id == '" + wrong + "' }.effective", equalTo(false))
                .body("find { it.id == '" + wrong + "' }.supersededBy", equalTo(replacement))
                .body("find { it.id == '" + wrong + "' }.at", equalTo("2019-02-12T04:57:00Z"))
                .body("find { it.id == '" + replacement + "' }.correctionReason", startsWith("Recovery was 13:27"));

        given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/incidents/{id}/audit", genie).then().statusCode(200)
                .body("action", contains("incident_declared", "update_recorded", "update_recorded", "update_corrected"))
                .body("principal", hasItems("commander@example.com"));

        // a superseded update cannot be corrected again: correct the replacement instead
        given().auth().oauth2(commander).contentType(ContentType.JSON)
                .body(Map.of("reason", "again", "replacement", update("2019-02-12T13:20:00+09:00", "resolved", "operational")))
                .when().post("/api/v1/incidents/{id}/updates/{u}/corrections", genie, wrong)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://compensation-suite.example/problems/conflict"))
                .body("detail", notNullValue());
    }

    @Test
    void retractionRemovesAnUpdateFromTheComputation() {
        Incidents.postUpdate(genie, update("2019-02-12T13:27:00+09:00", "resolved", "operational"), commander);
        String mistaken = Incidents.postUpdate(genie, update("2019-02-12T14:00:00+09:00", "investigating", "major_outage"), commander);
        // reopened: a second window from 14:00 that is still open
        given().queryParam("service", "genie").queryParam("platform", "mobile")
                .when().get("/api/v1/incidents/{id}/impact/check", genie).then()
                .body("windows.size()", equalTo(2)).body("windows[1].open", equalTo(true));
        given().when().get("/api/v1/incidents/{id}", genie).then()
                .body("status", equalTo("investigating")).body("reopenCount", equalTo(1)).body("impact.ongoing", equalTo(true));

        given().auth().oauth2(commander).contentType(ContentType.JSON)
                .body(Map.of("reason", "Posted to the wrong incident"))
                .when().post("/api/v1/incidents/{id}/updates/{u}/retraction", genie, mistaken)
                .then().statusCode(200)
                .body("effective", equalTo(false))
                .body("retractionReason", equalTo("Posted to the wrong incident"))
                .body("retractedAt", notNullValue());
        mobileTotal("PT50M");
        given().when().get("/api/v1/incidents/{id}", genie).then()
                .body("status", equalTo("resolved")).body("reopenCount", equalTo(0)).body("impact.ongoing", equalTo(false));

        given().auth().oauth2(commander).contentType(ContentType.JSON).body(Map.of("reason", "twice"))
                .when().post("/api/v1/incidents/{id}/updates/{u}/retraction", genie, mistaken)
                .then().statusCode(409).contentType("application/problem+json");
        given().when().get("/api/v1/incidents/{id}/timeline", genie).then().body("size()", equalTo(3));
    }

    @Test
    void reopeningIsRecorded() {
        Incidents.postUpdate(genie, update("2019-02-12T13:27:00+09:00", "resolved", "operational"), commander);
        Incidents.postUpdate(genie, update("2019-02-12T13:40:00+09:00", "investigating", "partial_outage"), commander);
        Incidents.postUpdate(genie, update("2019-02-12T13:50:00+09:00", "resolved", "operational"), commander);
        given().when().get("/api/v1/incidents/{id}", genie).then().statusCode(200)
                .body("status", equalTo("resolved"))
                .body("reopenCount", equalTo(1))
                .body("resolvedAt", equalTo("2019-02-12T04:50:00Z"));
        mobileTotal("PT1H");
    }

    private void mobileTotal(String expected) {
        given().queryParam("service", "genie").queryParam("platform", "mobile")
                .when().get("/api/v1/incidents/{id}/impact/check", genie).then().statusCode(200)
                .body("totalImpairedDuration", equalTo(expected));
    }

    private static Map<String, Object> update(String at, String status, String mobileState) {
        return Map.of("at", at, "status", status, "message", "mobile app " + mobileState,
                "states", List.of(Map.of("service", "genie", "platform", "mobile", "state", mobileState)));
    }
}
