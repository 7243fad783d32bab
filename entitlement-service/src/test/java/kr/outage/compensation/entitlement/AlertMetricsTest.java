package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.AlertMetrics;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** entitlement-service exports every metric the alert rules and the dashboard use for it. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class AlertMetricsTest {

    @Test
    void theMetricsTheAlertsWatchAreExported() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        // defining a campaign asks incident-service through the circuit breaker
        Campaigns.define(Campaigns.music("ALERT-METRICS"));
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        AlertMetrics.assertExported("entitlement-service", scrape);
    }
}
