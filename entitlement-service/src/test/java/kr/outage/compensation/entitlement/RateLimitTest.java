package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.http.RateLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The public verifier, API and page alike, answers a client that asks too often with 429 and Retry-After. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class RateLimitTest {

    @Inject
    RateLimits limits;

    @BeforeEach
    void limitsOn() {
        limits.enable(true);
    }

    @AfterEach
    void limitsOff() {
        limits.enable(false);
    }

    @Test
    void theVerifierAnswersSixtyAMinutePerClient() {
        int answered = 0;
        Response refused = null;
        long started = System.nanoTime();
        for (int i = 0; i < 100 && refused == null; i++) {
            // the page and the API share one budget
            Response r = i % 2 == 0
                    ? given().queryParam("offer", "멜론 " + i + "일").when().get("/api/v1/public/compensations/verify")
                    : given().queryParam("offer", "멜론 " + i + "일").when().get("/compensations/verify");
            if (r.statusCode() == 429) {
                refused = r;
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
                answered++;
            }
        }
        // a minute's worth at once, then one more for each second the test took
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(answered).isBetween(60, 60 + (int) seconds + 1);
        assertThat(refused).isNotNull();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        // the registry itself is not limited
        given().when().get("/api/v1/public/compensations").then().statusCode(200);
    }
}
