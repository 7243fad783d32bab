package kr.outage.compensation.incident;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import kr.outage.compensation.incident.support.Database;
import kr.outage.compensation.incident.support.Incidents;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Every kind of wrong input is refused with a problem+json 4xx, and nothing is stored. */
@QuarkusTest
class BadInputTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    static final String VALID_UPDATE = """
            {"at":"2019-02-12T12:40:00+09:00","status":"identified","states":[{"service":"genie","platform":"mobile","state":"major_outage"}]}""";

    String commander = Tokens.commander();
    String incidentId;
    Map<String, Long> before;

    @BeforeEach
    void anIncidentExists() {
        Database.clean();
        incidentId = Incidents.post(Incidents.MOBILE_ONLY);
        before = Database.rowCounts();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(Database.rowCounts()).isEqualTo(before);
    }

    static Stream<Object[]> badIncidents() {
        String longTitle = "x".repeat(201);
        return Stream.of(
                new Object[]{"missing title", """
                        {"severity":"major","startedAt":"2022-10-15T15:19:00+09:00"}""", "title"},
                new Object[]{"blank title", """
                        {"title":"  ","severity":"major","startedAt":"2022-10-15T15:19:00+09:00"}""", "title"},
                new Object[]{"oversized title", "{\"title\":\"" + longTitle + "\",\"severity\":\"major\",\"startedAt\":\"2022-10-15T15:19:00+09:00\"}", "title"},
                new Object[]{"unknown severity", """
                        {"title":"t","severity":"apocalyptic","startedAt":"2022-10-15T15:19:00+09:00"}""", "severity"},
                new Object[]{"missing start", """
                        {"title":"t","severity":"major"}""", "startedAt"},
                new Object[]{"bad service key", """
                        {"title":"t","severity":"major","startedAt":"2022-10-15T15:19:00+09:00","services":[{"service":"Kakao Talk!"}]}""", "services[0].service"},
                new Object[]{"bad function key", """
                        {"title":"t","severity":"major","startedAt":"2022-10-15T15:19:00+09:00","services":[{"service":"melon","functions":["ok","NOT OK"]}]}""", "services[0].functions[1]"}
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badIncidents")
    void invalidIncidentIsRefused(String why, String body, String field) {
        declare(body).statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void detectionBeforeStartIsRefused() {
        declare("""
                {"title":"t","severity":"major","startedAt":"2022-10-15T15:19:00+09:00","detectedAt":"2022-10-15T15:00:00+09:00"}""")
                .statusCode(422).body("type", equalTo(PROBLEMS + "timeline-rule-violated"))
                .body("errors[0].field", equalTo("detectedAt"));
    }

    @Test
    void absurdDatesAreRefused() {
        declare("""
                {"title":"t","severity":"major","startedAt":"1970-01-01T00:00:00Z"}""")
                .statusCode(422).body("errors[0].field", equalTo("startedAt"));
        declare("""
                {"title":"t","severity":"major","startedAt":"9999-12-31T23:59:59Z"}""")
                .statusCode(422).body("detail", containsString("future"));
        declare("""
                {"title":"t","severity":"major","startedAt":"2022-13-45T99:00:00+09:00"}""")
                .statusCode(400).body("type", equalTo(PROBLEMS + "malformed-body"));
        declare("""
                {"title":"t","severity":"major","startedAt":"2022-10-15T15:19:00"}""")
                .statusCode(400).body("type", equalTo(PROBLEMS + "malformed-body"));
    }

    @Test
    void duplicateServiceIsRefused() {
        declare("""
                {"title":"t","severity":"major","startedAt":"2022-10-15T15:19:00+09:00","services":[{"service":"melon"},{"service":"melon"}]}""")
                .statusCode(400).body("errors[0].field", equalTo("services[1].service"));
    }

    @Test
    void malformedJsonAndWrongTypesAreRefused() {
        declare("{\"title\": \"t\", ").statusCode(400).body("type", equalTo(PROBLEMS + "malformed-body"));
        declare("[1,2,3]").statusCode(400).body("type", equalTo(PROBLEMS + "malformed-body"));
        declare("""
                {"title":"t","severity":"major","startedAt":"2022-10-15T15:19:00+09:00","services":"melon"}""")
                .statusCode(400).body("type", equalTo(PROBLEMS + "malformed-body")).body("detail", containsString("services"));
        declare("""
                {"title":["t"],"severity":"major","startedAt":"2022-10-15T15:19:00+09:00"}""")
                .statusCode(400).body("type", equalTo(PROBLEMS + "malformed-body"));
        declare("").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongMediaTypeIsRefused() {
        given().auth().oauth2(commander).contentType(ContentType.TEXT).body("title=t")
                .when().post("/api/v1/incidents")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unsupported-media-type"));
    }

    static Stream<Object[]> badUpdates() {
        return Stream.of(
                new Object[]{"unknown state", """
                        {"at":"2019-02-12T12:40:00+09:00","status":"identified","states":[{"service":"genie","state":"exploded"}]}""", 400, "states[0].state"},
                new Object[]{"unknown platform", """
                        {"at":"2019-02-12T12:40:00+09:00","status":"identified","states":[{"service":"genie","platform":"tv","state":"major_outage"}]}""", 400, "states[0].platform"},
                new Object[]{"unknown status", """
                        {"at":"2019-02-12T12:40:00+09:00","status":"panicking"}""", 400, "status"},
                new Object[]{"missing service", """
                        {"at":"2019-02-12T12:40:00+09:00","status":"identified","states":[{"state":"major_outage"}]}""", 400, "states[0].service"},
                new Object[]{"missing at", """
                        {"status":"identified"}""", 400, "at"},
                new Object[]{"oversized message", "{\"at\":\"2019-02-12T12:40:00+09:00\",\"status\":\"identified\",\"message\":\"" + "m".repeat(4001) + "\"}", 400, "message"},
                new Object[]{"before the incident began", """
                        {"at":"2019-02-12T12:00:00+09:00","status":"identified"}""", 422, "at"},
                new Object[]{"in the future", """
                        {"at":"2999-02-12T12:00:00+09:00","status":"identified"}""", 422, "at"}
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUpdates")
    void invalidUpdateIsRefused(String why, String body, int status, String field) {
        given().auth().oauth2(commander).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/incidents/{id}/updates", incidentId)
                .then().statusCode(status).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void updateToAMissingIncidentIsRefused() {
        given().auth().oauth2(commander).contentType(ContentType.JSON).body(VALID_UPDATE)
                .when().post("/api/v1/incidents/{id}/updates", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-found"));
        given().auth().oauth2(commander).contentType(ContentType.JSON).body(VALID_UPDATE)
                .when().post("/api/v1/incidents/{id}/updates", "not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void correctionOfAnUpdateOfAnotherIncidentIsRefused() {
        String other = Incidents.post(Incidents.MOBILE_ONLY);
        before = Database.rowCounts();
        String foreignUpdate = given().when().get("/api/v1/incidents/{id}/timeline", other).then().extract().path("[0].id");
        given().auth().oauth2(commander).contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "replacement", Map.of("at", "2019-02-12T12:40:00+09:00", "status", "identified")))
                .when().post("/api/v1/incidents/{id}/updates/{u}/corrections", incidentId, foreignUpdate)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(commander).contentType(ContentType.JSON)
                .body(Map.of("replacement", Map.of("at", "2019-02-12T12:40:00+09:00", "status", "identified")))
                .when().post("/api/v1/incidents/{id}/updates/{u}/corrections", other, foreignUpdate)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
    }

    @Test
    void badQueryParametersAreRefusedByName() {
        get("/api/v1/incidents?status=burning", "status");
        get("/api/v1/incidents?from=yesterday", "from");
        get("/api/v1/incidents?from=2022-10-20T00:00:00Z&to=2022-10-10T00:00:00Z", "to");
        get("/api/v1/incidents?size=100000", "size");
        get("/api/v1/incidents?page=-1", "page");
        get("/api/v1/incidents/" + incidentId + "/impact/check?platform=mobile", "service");
        get("/api/v1/incidents/" + incidentId + "/impact/check?service=genie&platform=watch", "platform");
        get("/api/v1/incidents/" + incidentId + "/impact/check?service=genie&at=noon", "at");
        get("/api/v1/incidents/" + incidentId + "/impact/check?service=genie&includeDegraded=maybe", "includeDegraded");
        given().when().get("/api/v1/incidents/{id}/impact", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("detail", notNullValue());
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(commander).when().delete("/api/v1/incidents/{id}", incidentId)
                .then().statusCode(405).contentType("application/problem+json");
    }

    static Stream<Object[]> hostileText() {
        String incident = "{\"title\":%s,\"cause\":%s,\"severity\":\"major\",\"startedAt\":\"2022-10-15T15:19:00+09:00\","
                + "\"services\":[{\"service\":%s,\"functions\":[%s]}]}";
        String ok = "\"ok\"";
        return Stream.of(
                new Object[]{"NUL in the title", incident.formatted("\"fire\\u0000\"", ok, "\"kakaotalk\"", ok), "title", "control characters"},
                new Object[]{"NUL in the cause", incident.formatted(ok, "\"power\\u0000loss\"", "\"kakaotalk\"", ok), "cause", "control characters"},
                new Object[]{"NUL in a service key", incident.formatted(ok, ok, "\"kakao\\u0000talk\"", ok), "services[0].service", "control characters"},
                new Object[]{"escape character in the title", incident.formatted("\"\\u001b[31mred\"", ok, "\"kakaotalk\"", ok), "title", "control characters"},
                new Object[]{"false as a function", incident.formatted(ok, ok, "\"kakaotalk\"", "false"), "services[0].functions[0]", "must be a string"},
                new Object[]{"a number as the title", incident.formatted("12", ok, "\"kakaotalk\"", ok), "title", "must be a string"},
                new Object[]{"an object as the cause", incident.formatted(ok, "{}", "\"kakaotalk\"", ok), "cause", "must be a string"});
    }

    /** Text PostgreSQL cannot store, and values of the wrong JSON type, are the client's mistake: a 400 naming the field. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileText")
    void hostileTextIsRefusedByField(String why, String body, String field, String message) {
        declare(body).statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-body"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
    }

    @Test
    void aNulInAnUpdateMessageIsRefused() {
        given().auth().oauth2(commander).contentType(ContentType.JSON)
                .body(VALID_UPDATE.replace("\"status\":\"identified\"", "\"status\":\"identified\",\"message\":\"cause found\\u0000\""))
                .when().post("/api/v1/incidents/{id}/updates", incidentId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("message"));
    }

    @Test
    void tabsAndLineBreaksStayAllowedInFreeText() {
        String id = given().auth().oauth2(commander).contentType(ContentType.JSON)
                .body("{\"title\":\"fire\",\"cause\":\"line one\\nline two\\tindented\",\"severity\":\"major\","
                        + "\"startedAt\":\"2022-10-15T15:19:00+09:00\"}")
                .when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(commander).when().get("/api/v1/incidents/{id}", id)
                .then().statusCode(200).body("cause", equalTo("line one\nline two\tindented"));
        before = Database.rowCounts(); // this one was meant to be stored
    }

    private ValidatableResponse declare(String body) {
        return given().auth().oauth2(commander).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/incidents")
                .then().contentType("application/problem+json");
    }

    private static void get(String path, String field) {
        given().when().get(path).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-parameter"))
                .body("errors[0].field", equalTo(field));
    }
}
