package kr.outage.compensation.payout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.AlertMetrics;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** payout-service exports every metric the alert rules and the dashboard use for it. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class AlertMetricsTest {

    @Test
    void theMetricsTheAlertsWatchAreExported() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        // creating a program asks incident-service through the circuit breaker
        Programs.create(Programs.fire2022());
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        AlertMetrics.assertExported("payout-service", scrape);
    }
}
