package kr.outage.compensation.payout;

import kr.outage.compensation.payout.support.PayoutApprovals;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kr.outage.compensation.payout.support.Claims;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of answer carries the security headers (a page, JSON, a problem, a CSV), and every
 * answer to a request with credentials, which may hold personal data, is not to be stored by any
 * cache; public answers stay cacheable.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class SecurityHeadersTest {

    String program;
    String claim;

    @BeforeEach
    void aClaimExists() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        program = Programs.create(Programs.fire2022());
        claim = Claims.file(program, Claims.taxi(1, 100_000), "owner-1");
    }

    private static void secured(Response answer) {
        assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("default-src 'none'");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void pagesApiAnswersAndProblemsAllCarryThem() {
        Response page = given().get("/console/payout/login");
        assertThat(page.statusCode()).isEqualTo(200);
        secured(page);
        Response json = given().get("/api/v1/programs/{id}/stats", program);
        assertThat(json.statusCode()).isEqualTo(200);
        secured(json);
        Response problem = given().get("/api/v1/claims/{id}", claim);
        assertThat(problem.statusCode()).isEqualTo(401);
        secured(problem);
        Response swagger = given().get("/q/swagger-ui/");
        assertThat(swagger.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
    }

    @Test
    void answersWithPersonalDataAreNotStored() {
        Response view = given().auth().oauth2(Tokens.reviewer()).get("/api/v1/claims/{id}", claim);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.header("Cache-Control")).isEqualTo("no-store");
        secured(view);
        String approver = Tokens.withRoles("approver-h@example.com", "payout-approver");
        String batch = given().auth().oauth2(approver).header("Idempotency-Key", "h-1")
                .post("/api/v1/programs/{id}/payout-batches", program).then().statusCode(201).extract().path("id");
        Response csv = given().auth().oauth2(approver).header("Approval-Id", PayoutApprovals.release(batch, approver)).get("/api/v1/payout-batches/{id}/transfers.csv", batch);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.header("Cache-Control")).isEqualTo("no-store");
        secured(csv);
        Response list = given().auth().oauth2(Tokens.reviewer()).get("/api/v1/programs/{id}/claims", program);
        assertThat(list.header("Cache-Control")).isEqualTo("no-store");
        // the public figures carry no personal data: a cache may keep them
        assertThat(given().get("/api/v1/programs/{id}/stats", program).header("Cache-Control")).isNull();
    }
}
