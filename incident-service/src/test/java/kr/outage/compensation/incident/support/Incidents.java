package kr.outage.compensation.incident.support;

import kr.outage.compensation.platform.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.restassured.http.ContentType;
import kr.outage.compensation.incident.demo.DemoDataLoader;
import kr.outage.compensation.incident.demo.DemoIncident;
import kr.outage.compensation.incident.rest.TimelineUpdateRequest;

import java.util.List;

import static io.restassured.RestAssured.given;

/** Posts the demo cases through the public API, as an incident commander would. */
public final class Incidents {

    public static final String FIRE = "demo/kakao-datacenter-fire-2022.json";
    public static final String MOBILE_ONLY = "demo/genie-mobile-outage-2019.json";

    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private Incidents() {
    }

    public static DemoIncident read(String resource) {
        return DemoDataLoader.read(JSON, resource);
    }

    /** Declares the demo incident and posts its updates in the given order; returns the incident id. */
    public static String post(DemoIncident demo, List<TimelineUpdateRequest> updates) {
        String token = Tokens.commander();
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(demo.incident())
                .when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        for (TimelineUpdateRequest update : updates) {
            postUpdate(id, update, token);
        }
        return id;
    }

    public static String post(String resource) {
        DemoIncident demo = read(resource);
        return post(demo, demo.updates());
    }

    public static String postUpdate(String incidentId, Object update, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(update)
                .when().post("/api/v1/incidents/{id}/updates", incidentId)
                .then().statusCode(201).extract().path("id");
    }
}
