package kr.outage.compensation.incident;

import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.platform.testing.AlertMetrics;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** incident-service exports every metric the alert rules and the dashboard use for it. */
@QuarkusTest
class AlertMetricsTest {

    @Test
    void theMetricsTheAlertsWatchAreExported() {
        given().when().get("/api/v1/incidents").then().statusCode(200);
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        AlertMetrics.assertExported("incident-service", scrape);
    }
}
