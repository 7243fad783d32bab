package kr.outage.compensation.payout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import kr.outage.compensation.payout.support.Claims;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.MovableClock;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** The committee's state machine and the four-eyes rule on a claim above the review threshold. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class ReviewTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    final String reviewer = Tokens.withRoles("reviewer-kim@example.com", "claims-reviewer");
    final String approver = Tokens.withRoles("approver-lee@example.com", "payout-approver");
    /** One person holding both roles: may recommend or approve, never both on one claim. */
    final String both = Tokens.withRoles("chair-park@example.com", "claims-reviewer", "payout-approver");

    String program;
    String claim;

    @BeforeEach
    void aLargeClaimAwaitsReview() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        MovableClock.INSTANCE.reset();
        program = Programs.create(Programs.fire2022());
        claim = Claims.file(program, Claims.restaurant(1, 10_000_000), "owner-1");
        given().auth().oauth2(reviewer).when().get("/api/v1/programs/{id}/claims/review-queue", program)
                .then().statusCode(200).body("items.id", contains(claim));
    }

    ValidatableResponse decide(String token, String decision, Long amount, String... evidence) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("decision", decision, "reason", "Committee minute 7: " + decision));
        if (amount != null) {
            body.put("amount", amount);
        }
        if (evidence.length > 0) {
            body.put("evidenceTypes", List.of(evidence));
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/claims/{id}/review", claim).then();
    }

    @Test
    void recommendedByOneApprovedByAnother() {
        decide(reviewer, "recommend", 1_000_000L).statusCode(200).body("state", equalTo("recommended"))
                .body("decision.recommendedAmount", equalTo(1_000_000));
        decide(approver, "approve", null).statusCode(200).body("state", equalTo("approved"))
                .body("decision.approvedAmount", equalTo(1_000_000))
                .body("decision.approvedBy", equalTo("approver-lee@example.com"));
        assertThat(Database.count("select count(*) from ledger_entry where claim_id = '" + claim + "'")).isEqualTo(2);
        assertThat(Database.count("select sum(amount) from ledger_entry where claim_id = '" + claim + "' and account = 'payable'"))
                .isEqualTo(1_000_000);
        given().auth().oauth2(approver).when().get("/api/v1/claims/{id}/decisions", claim).then().statusCode(200)
                .body("decision", contains("recommend", "approve"))
                .body("principal", contains("reviewer-kim@example.com", "approver-lee@example.com"));
    }

    @Test
    void theRecommenderCannotApprove() {
        decide(both, "recommend", 800_000L).statusCode(200);
        decide(both, "approve", null).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "four-eyes-required"));
        given().auth().oauth2(approver).get("/api/v1/claims/{id}", claim).then().body("state", equalTo("recommended"));
        assertThat(Database.count("select count(*) from ledger_entry")).isZero();
        decide(approver, "approve", 750_000L).statusCode(200).body("decision.approvedAmount", equalTo(750_000));
    }

    @Test
    void eachDecisionNeedsItsRole() {
        decide(approver, "recommend", 500_001L).statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        decide(reviewer, "recommend", 600_000L).statusCode(200);
        decide(reviewer, "approve", null).statusCode(403);
        decide(Tokens.businessOwner("owner-1"), "approve", null).statusCode(403);
    }

    @Test
    void illegalTransitionsAre409AndChangeNothing() {
        decide(approver, "approve", 600_000L).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "illegal-transition"))
                .body("detail", equalTo("Cannot approve a claim that is awaiting_review; allowed from: recommended"));
        decide(reviewer, "recommend", 600_000L).statusCode(200);
        decide(reviewer, "recommend", 700_000L).statusCode(409);
        decide(approver, "reject", null).statusCode(200).body("state", equalTo("rejected"));
        decide(reviewer, "request_evidence", null, "tax_invoice").statusCode(409);
        decide(approver, "approve", null).statusCode(409);
        assertThat(Database.count("select count(*) from claim_decision where claim_id = '" + claim + "'")).isEqualTo(2);
        assertThat(Database.count("select count(*) from ledger_entry")).isZero();
    }

    @Test
    void requestedEvidenceComesFromTheClaimantAndSendsTheClaimBack() {
        decide(reviewer, "request_evidence", null, "bank_statement").statusCode(200)
                .body("state", equalTo("evidence_requested")).body("missingEvidence", contains("bank_statement"));
        Map<String, Object> evidence = Map.of("evidence", List.of(Map.of("type", "bank_statement", "ref", "doc-9")));
        given().auth().oauth2(Tokens.businessOwner("owner-2")).contentType(ContentType.JSON).body(evidence)
                .when().post("/api/v1/claims/{id}/evidence", claim).then().statusCode(404);
        given().auth().oauth2(Tokens.businessOwner("owner-1")).contentType(ContentType.JSON).body(evidence)
                .when().post("/api/v1/claims/{id}/evidence", claim).then().statusCode(200)
                .body("state", equalTo("awaiting_review")).body("missingEvidence", equalTo(List.of()))
                .body("evidence.type", contains("sales_ledger", "tax_invoice", "bank_statement"));
        given().auth().oauth2(Tokens.businessOwner("owner-1")).contentType(ContentType.JSON).body(evidence)
                .when().post("/api/v1/claims/{id}/evidence", claim).then().statusCode(409);
    }

    @Test
    void aTierClaimMissingEvidenceIsApprovedByRuleOnceItArrives() {
        // 2,000,000 x 0.3 x 0.8 x 0.9 = 432,000 -> tier 2, which needs a sales statement
        String tierTwo = Claims.file(program, Claims.restaurant(2, 2_000_000), "owner-2");
        given().auth().oauth2(reviewer).get("/api/v1/claims/{id}", tierTwo).then()
                .body("state", equalTo("evidence_requested")).body("missingEvidence", contains("sales_statement"));
        given().auth().oauth2(Tokens.businessOwner("owner-2")).contentType(ContentType.JSON)
                .body(Map.of("evidence", List.of(Map.of("type", "sales_statement", "ref", "stmt-2"))))
                .when().post("/api/v1/claims/{id}/evidence", tierTwo).then().statusCode(200)
                .body("state", equalTo("approved"))
                .body("decision.approvedAmount", equalTo(50_000))
                .body("decision.approvedBy", equalTo("rule:tier-2"));
    }

    @Test
    void badDecisionsAreRefused() {
        decide(reviewer, "recommend", null).statusCode(400).body("errors[0].field", equalTo("amount"));
        decide(reviewer, "recommend", 10_000_001L).statusCode(400).body("errors[0].field", equalTo("amount"));
        decide(reviewer, "recommend", -5L).statusCode(400);
        decide(reviewer, "request_evidence", null).statusCode(400).body("errors[0].field", equalTo("evidenceTypes"));
        decide(reviewer, "pay_double", null).statusCode(400).body("errors[0].field", equalTo("decision"));
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("decision", "reject"))
                .when().post("/api/v1/claims/{id}/review", claim).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("decision", "reject", "reason", "r"))
                .when().post("/api/v1/claims/{id}/review", java.util.UUID.randomUUID()).then().statusCode(404);
        assertThat(Database.count("select count(*) from claim_decision")).isZero();
        given().auth().oauth2(reviewer).get("/api/v1/claims/{id}", claim).then().body("state", equalTo("awaiting_review"));
    }
}
