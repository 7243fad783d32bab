package kr.outage.compensation.payout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kr.outage.compensation.payout.support.Claims;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.PayoutApprovals;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.ConsoleLogins;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * One payout approver never moves money or reads every account number alone: the transfer file, the
 * settlement import and the key rotation each need a second payout approver, for that batch as it was.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class PayoutApprovalTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    final String approver = Tokens.withRoles("approver-lee@example.com", "payout-approver");

    String program;
    String claim;
    String batch;

    @BeforeEach
    void aBatch() {
        program = Programs.freshFire2022();
        claim = Claims.file(program, Claims.taxi(1, 100_000), "owner-1");
        batch = given().auth().oauth2(approver).header("Idempotency-Key", "b-1").when()
                .post("/api/v1/programs/{id}/payout-batches", program).then().statusCode(201).extract().path("id");
    }

    @Test
    void theTransferFileTheSettlementAndTheKeyRotationAreRefusedToOnePerson() {
        String before = Database.fingerprint();
        given().auth().oauth2(approver).when().get("/api/v1/payout-batches/{id}/transfers.csv", batch).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "approval-required"))
                .body("action", equalTo("payout.batch.release"));
        given().auth().oauth2(approver).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("claimId", claim, "result", "paid", "bankReference", "SH-1"))))
                .when().post("/api/v1/payout-batches/{id}/settlement", batch).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "approval-required")).body("action", equalTo("payout.batch.settle"));
        given().auth().oauth2(approver).when().post("/api/v1/operations/account-key-rotation").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "approval-required"));
        // the console's download link too
        given().cookie(ConsoleLogins.session(approver)).when().get("/console/batches/" + batch + "/transfers.csv").then()
                .statusCode(409);
        assertThat(Database.count("select count(*) from payout_audit where action = 'ACCOUNT_NUMBERS_READ' and subject_id = '" + batch + "'")).isZero();
        assertThat(Database.fingerprint()).isEqualTo(before);
    }

    @Test
    void theOneWhoAskedCannotApproveAndOnlyTheyUseTheApproval() {
        String asked = PayoutApprovals.ask("payout.batch.release", batch, approver).then().statusCode(201)
                .body("summary.items", equalTo(1)).body("summary.pendingKrw", equalTo(30_000)).extract().path("id");
        given().auth().oauth2(approver).when().post("/api/v1/approvals/" + asked + "/approve").then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "approval-own-request"));
        given().auth().oauth2(PayoutApprovals.SECOND).when().post("/api/v1/approvals/" + asked + "/approve").then().statusCode(200);
        // the second approver did not ask: the approval is not theirs to use
        given().auth().oauth2(PayoutApprovals.SECOND).header("Approval-Id", asked).when()
                .get("/api/v1/payout-batches/{id}/transfers.csv", batch).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "approval-not-usable"));
        String csv = given().auth().oauth2(approver).header("Approval-Id", asked).when()
                .get("/api/v1/payout-batches/{id}/transfers.csv", batch).then().statusCode(200).extract().asString();
        assertThat(csv).contains(claim);
        // a lost download is fetched again with the same approval
        given().auth().oauth2(approver).header("Approval-Id", asked).when()
                .get("/api/v1/payout-batches/{id}/transfers.csv", batch).then().statusCode(200);
        // it is no settlement approval
        given().auth().oauth2(approver).header("Approval-Id", asked).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("claimId", claim, "result", "paid", "bankReference", "SH-1"))))
                .when().post("/api/v1/payout-batches/{id}/settlement", batch).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "approval-not-usable"));
        assertThat(Database.text("select state from payout_item where claim_id = '" + claim + "'")).isEqualTo("pending");
    }

    @Test
    void aBatchSettledAfterItsReleaseWasApprovedVoidsTheRelease() {
        String release = PayoutApprovals.release(batch, approver);
        given().auth().oauth2(approver).header("Approval-Id", PayoutApprovals.settle(batch, approver)).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("claimId", claim, "result", "paid", "bankReference", "SH-1"))))
                .when().post("/api/v1/payout-batches/{id}/settlement", batch).then().statusCode(200);
        given().auth().oauth2(approver).header("Approval-Id", release).when()
                .get("/api/v1/payout-batches/{id}/transfers.csv", batch).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "approval-voided"));
        assertThat(Database.text("select state from approval_request where id = '" + release + "'")).isEqualTo("VOIDED");
    }
}
