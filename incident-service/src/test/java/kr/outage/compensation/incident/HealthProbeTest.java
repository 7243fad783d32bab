package kr.outage.compensation.incident;

import kr.outage.compensation.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.incident.support.ProxiedDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What the kubelet sees: readiness follows this service's own database, liveness does not, so a
 * database outage takes the pod out of rotation without restarting it.
 */
@QuarkusTest
@QuarkusTestResource(value = ProxiedDatabase.class, restrictToAnnotatedClass = true)
class HealthProbeTest {

    @Test
    void readinessFollowsTheDatabaseAndLivenessStaysUp() throws Exception {
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        ProxiedDatabase.proxy.cut();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN")));
            given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            // a write while the database is gone fails cleanly, as a problem, not a hang
            given().auth().oauth2(kr.outage.compensation.platform.testing.Tokens.commander())
                    .contentType("application/json")
                    .body("{\"title\":\"t\",\"severity\":\"minor\",\"startedAt\":\"2022-10-15T15:19:00+09:00\"}")
                    .when().post("/api/v1/incidents")
                    .then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(500))
                    .contentType("application/problem+json");
        } finally {
            ProxiedDatabase.proxy.restore();
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void operationsEndpointsAnswer() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/incidents/{id}/impact/check"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/api/v1/incidents").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("http_server_requests_seconds_count"))
                .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
    }
}
