package kr.outage.compensation.incident;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kr.outage.compensation.incident.demo.DemoIncident;
import kr.outage.compensation.incident.rest.TimelineUpdateRequest;
import kr.outage.compensation.incident.support.Database;
import kr.outage.compensation.incident.support.Incidents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Updates arrive out of order and facts get back-filled; the computed windows must be exactly those
 * of the same updates posted in time order.
 */
@QuarkusTest
class ArrivalOrderTest {

    @BeforeEach
    void clean() {
        Database.clean();
    }

    @Test
    void shuffledUpdatesGiveTheWindowsOfOrderedOnes() {
        DemoIncident fire = Incidents.read(Incidents.FIRE);
        String inOrder = Incidents.post(fire, fire.updates());
        for (long seed : new long[]{1L, 42L, 2022L}) {
            List<TimelineUpdateRequest> shuffled = new ArrayList<>(fire.updates());
            Collections.shuffle(shuffled, new Random(seed));
            String outOfOrder = Incidents.post(fire, shuffled);
            assertThat(windowsOf(outOfOrder)).as("seed " + seed).isEqualTo(windowsOf(inOrder));
        }
    }

    @Test
    void backFilledFactsLandWhereTheyBelong() {
        DemoIncident fire = Incidents.read(Incidents.FIRE);
        String inOrder = Incidents.post(fire, fire.updates());
        // the commander first posts the resolution, then fills in the history newest first
        List<TimelineUpdateRequest> reversed = new ArrayList<>(fire.updates());
        Collections.reverse(reversed);
        String backFilled = Incidents.post(fire, reversed);
        assertThat(windowsOf(backFilled)).isEqualTo(windowsOf(inOrder));
        given().when().get("/api/v1/incidents/{id}", backFilled).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("resolved"));
    }

    /** The impact without the fields that identify the incident or the moment of the request. */
    private static Object windowsOf(String incidentId) {
        JsonPath impact = given().when().get("/api/v1/incidents/{id}/impact", incidentId)
                .then().statusCode(200).extract().jsonPath();
        return List.of(impact.get("totalDuration"), impact.get("firstImpairmentAt"), impact.get("lastRecoveryAt"),
                impact.get("services"));
    }
}
