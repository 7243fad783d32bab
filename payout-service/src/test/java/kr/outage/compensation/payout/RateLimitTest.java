package kr.outage.compensation.payout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.platform.http.RateLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public intake and the console sign-in answer a client that sends too much with 429 and
 * Retry-After, before anything is read or stored; other clients' limits and other endpoints are
 * untouched. (Limits are off in the other tests, which all come from one address.)
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class RateLimitTest {

    @Inject
    RateLimits limits;

    @BeforeEach
    void limitsOn() {
        Database.clean();
        limits.enable(true);
    }

    @AfterEach
    void limitsOff() {
        limits.enable(false);
    }

    @Test
    void intakeFromOneClientIsLimitedPerMinute() {
        String program = UUID.randomUUID().toString();
        int answered = 0;
        Response refused = null;
        long started = System.nanoTime();
        for (int i = 0; i < 200 && refused == null; i++) {
            Response r = given().contentType(ContentType.JSON).header("Idempotency-Key", "k-" + i).body("{}")
                    .when().post("/api/v1/programs/{id}/claims", program);
            if (r.statusCode() == 429) {
                refused = r;
            } else {
                assertThat(r.statusCode()).isEqualTo(401);
                answered++;
            }
        }
        // the configured 120 a minute at once, then two more for each second the test took
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(answered).isBetween(120, 120 + 2 * (int) seconds + 2);
        assertThat(refused).isNotNull();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).endsWith("/too-many-requests");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(Database.count("select count(*) from claim") + Database.count("select count(*) from idempotency_record")).isZero();
        // reading is not limited
        given().when().get("/api/v1/programs/{id}/stats", program).then().statusCode(org.hamcrest.Matchers.not(429));
    }

    @Test
    void consoleSignInIsLimitedToTenAMinute() {
        for (int i = 0; i < 10; i++) {
            given().formParam("token", "not-a-token").redirects().follow(false).when().post("/console/payout/login")
                    .then().statusCode(401);
        }
        given().formParam("token", "not-a-token").redirects().follow(false).when().post("/console/payout/login")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // the sign-in page itself is still served
        given().when().get("/console/payout/login").then().statusCode(200);
    }
}
