package kr.outage.compensation.payout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import kr.outage.compensation.payout.support.Claims;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.PayoutApprovals;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.MovableClock;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * Objections (이의신청): the filer objects once, within the program's period, to a rejection or an
 * amount; a reviewer recommends and another person decides; a higher amount is booked and paid as an
 * additional transfer in a later batch, never taking back what was paid.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class ObjectionTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    final String reviewer = Tokens.withRoles("reviewer-seo@example.com", "claims-reviewer");
    final String approver = Tokens.withRoles("approver-bae@example.com", "payout-approver");
    final String bothRoles = Tokens.withRoles("chair-moon@example.com", "claims-reviewer", "payout-approver");

    String program;

    @BeforeEach
    void setUp() {
        program = Programs.freshFire2022();
    }

    @AfterEach
    void clockBack() {
        MovableClock.INSTANCE.reset();
    }

    @Test
    void anAmountPaidByRuleIsRaisedAndOnlyTheDifferenceIsPaidOnce() {
        String claim = Claims.file(program, Claims.taxi(11, 100_000), "owner-11");
        settlePaid(batch("p-1"), claim);
        claim(claim).body("state", equalTo("paid")).body("payment.paidAmount", equalTo(30_000));

        object("owner-11", claim, "Our takings that week were twice the tier: see the card sales statement")
                .statusCode(201).body("state", equalTo("filed")).body("objectedState", equalTo("paid"))
                .body("amountBefore", equalTo(30_000)).body("documents[0].type", equalTo("card_sales_statement"));
        given().auth().oauth2(reviewer).when().get("/api/v1/objections").then().statusCode(200)
                .body("items.claimId", contains(claim)).body("total", equalTo(1));
        given().auth().oauth2(reviewer).when().get("/api/v1/objections?program=" + program).then().statusCode(200)
                .body("items.businessName", contains("Taxi 11")).body("total", equalTo(1));
        given().auth().oauth2(reviewer).when().get("/api/v1/objections?program=" + java.util.UUID.randomUUID()).then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.businessOwner("owner-11")).when().get("/api/v1/objections").then().statusCode(403);

        review(reviewer, "recommend", "amended", 60_000L).statusCode(200).body("state", equalTo("recommended"))
                .body("recommendation.amount", equalTo(60_000));
        review(approver, "decide", null, null).statusCode(200).body("state", equalTo("decided"))
                .body("outcome.outcome", equalTo("amended")).body("outcome.amount", equalTo(60_000))
                .body("outcome.additionalAmount", equalTo(30_000));
        // owed the difference: back in the next batch for it alone, what was paid stays paid
        claim(claim).body("state", equalTo("approved")).body("decision.approvedAmount", equalTo(60_000))
                .body("payment.paidAmount", equalTo(30_000));
        String second = batch("p-2");
        assertThat(Database.count("select amount from payout_item where batch_id = '" + second + "'")).isEqualTo(30_000);
        assertThat(Database.count("select part from payout_item where batch_id = '" + second + "'")).isEqualTo(2);
        settlePaid(second, claim);
        claim(claim).body("state", equalTo("paid")).body("payment.paidAmount", equalTo(60_000));
        createBatch("p-3").then().statusCode(422);

        assertThat(Database.count("select coalesce(sum(amount), 0) from ledger_entry where account = 'paid'")).isEqualTo(60_000);
        assertThat(Database.count("select coalesce(sum(amount), 0) from ledger_entry where account = 'payable'")).isZero();
        assertThat(Database.count("select count(*) from ledger_entry where memo = 'objection amended'")).isEqualTo(2);
        PayoutTest.assertLedgerBalances();
        given().auth().oauth2(approver).get("/api/v1/claims/{id}/decisions", claim).then().statusCode(200)
                .body("decision", hasItems("objection_filed", "objection_recommended", "objection_decided"));
        given().when().get("/api/v1/programs/{id}/stats", program).then().statusCode(200)
                .body("objections.filed", equalTo(1)).body("objections.amended", equalTo(1))
                .body("objections.open", equalTo(0)).body("objections.additionalAmount", equalTo(30_000))
                .body("amounts.paid", equalTo(60_000));
    }

    @Test
    void aRejectionOverturnedIsPaidInTheNextBatch() {
        String claim = Claims.file(program, Claims.restaurant(12, 10_000_000), "owner-12");
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("decision", "reject", "reason", "no sales shown"))
                .when().post("/api/v1/claims/{id}/review", claim).then().statusCode(200).body("state", equalTo("rejected"));
        object("owner-12", claim, "The sales ledger was attached late; here it is").statusCode(201)
                .body("amountBefore", equalTo(0)).body("objectedState", equalTo("rejected"));
        review(reviewer, "recommend", "amended", 900_000L).statusCode(200);
        review(approver, "decide", "amended", 800_000L).statusCode(200).body("outcome.amount", equalTo(800_000));
        claim(claim).body("state", equalTo("approved")).body("decision.approvedAmount", equalTo(800_000));
        settlePaid(batch("r-1"), claim);
        claim(claim).body("state", equalTo("paid")).body("payment.paidAmount", equalTo(800_000));
        assertThat(Database.count("select part from payout_item where claim_id = '" + claim + "'")).isEqualTo(1);
        PayoutTest.assertLedgerBalances();
    }

    @Test
    void aRaiseWhileTheTransferIsWithTheBankFollowsItsAnswer() {
        String claim = Claims.file(program, Claims.taxi(13, 100_000), "owner-13");
        String first = batch("w-1");
        object("owner-13", claim, "The tier is wrong for a two-car business").statusCode(201).body("objectedState", equalTo("in_payment"));
        review(reviewer, "recommend", "amended", 90_000L).statusCode(200);
        review(approver, "decide", null, null).statusCode(200);
        claim(claim).body("state", equalTo("in_payment"));
        settlePaid(first, claim);
        claim(claim).body("state", equalTo("approved")).body("payment.paidAmount", equalTo(30_000));
        settlePaid(batch("w-2"), claim);
        claim(claim).body("state", equalTo("paid")).body("payment.paidAmount", equalTo(90_000));
        assertThat(Database.count("select count(*) from payout_item where claim_id = '" + claim + "' and state = 'paid'")).isEqualTo(2);
        PayoutTest.assertLedgerBalances();
    }

    @Test
    void aDecisionUpheldMovesNoMoney() {
        String claim = Claims.file(program, Claims.taxi(14, 100_000), "owner-14");
        object("owner-14", claim, "More please").statusCode(201);
        String ledger = Database.text("select md5(coalesce(string_agg(l::text, ',' order by id), '')) from ledger_entry l");
        review(reviewer, "recommend", "decision_upheld", null).statusCode(200);
        review(approver, "decide", null, null).statusCode(200).body("outcome.outcome", equalTo("decision_upheld"))
                .body("outcome.additionalAmount", equalTo(0)).body("outcome.amount", equalTo(30_000));
        assertThat(Database.text("select md5(coalesce(string_agg(l::text, ',' order by id), '')) from ledger_entry l")).isEqualTo(ledger);
        claim(claim).body("state", equalTo("approved")).body("decision.approvedAmount", equalTo(30_000));
        given().auth().oauth2(Tokens.businessOwner("owner-14")).when().get("/api/v1/claims/{id}/objection", claim)
                .then().statusCode(200).body("outcome.outcome", equalTo("decision_upheld"));
        given().when().get("/api/v1/programs/{id}/stats", program).then().statusCode(200)
                .body("objections.decisionUpheld", equalTo(1)).body("objections.additionalAmount", equalTo(0));
    }

    @Test
    void objectionsThatDoNotFitAreRefusedWithNothingStored() {
        String decided = Claims.file(program, Claims.taxi(15, 100_000), "owner-15");
        String undecided = Claims.file(program, Claims.restaurant(16, 10_000_000), "owner-16");
        String before = Database.fingerprint();

        object("owner-99", decided, "not mine").statusCode(404).contentType("application/problem+json");
        object("owner-16", undecided, "too early").statusCode(409).body("type", equalTo(PROBLEMS + "objection-not-allowed"));
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of(), Map.of("reason", " "),
                Map.of("reason", "x".repeat(2001)), Map.of("reason", "r", "documents", List.of(Map.of("type", "Bad Type", "ref", "k"))),
                Map.of("reason", "r", "documents", "not a list"))) {
            given().auth().oauth2(Tokens.businessOwner("owner-15")).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/claims/{id}/objection", decided).then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.businessOwner("owner-15")).when().get("/api/v1/claims/{id}/objection", decided)
                .then().statusCode(404);
        given().auth().oauth2(reviewer).when().get("/api/v1/objections?state=maybe").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(reviewer).when().get("/api/v1/objections?program=not-an-id").then().statusCode(400)
                .contentType("application/problem+json");
        // the period is the program's (30 days by default) from the decision
        MovableClock.INSTANCE.set(MovableClock.start().plus(Duration.ofDays(30)).plusSeconds(1));
        object("owner-15", decided, "late").statusCode(422).body("type", equalTo(PROBLEMS + "objection-period-over"));
        assertThat(Database.fingerprint()).isEqualTo(before);

        MovableClock.INSTANCE.set(MovableClock.start().plus(Duration.ofDays(29)));
        object("owner-15", decided, "in time").statusCode(201);
        // the same objection again is the one filed; another one is refused
        object("owner-15", decided, "in time").statusCode(200).body("reason", equalTo("in time"));
        object("owner-15", decided, "second thoughts").statusCode(409).body("type", equalTo(PROBLEMS + "objection-already-filed"));
        assertThat(Database.count("select count(*) from claim_objection")).isOne();
    }

    @Test
    void theCommitteeAnswersWithFourEyesAndWithinTheBudget() {
        String claim = Claims.file(program, Claims.taxi(17, 100_000), "owner-17");
        object("owner-17", claim, "tier too low").statusCode(201);
        String before = Database.fingerprint();
        review(approver, "decide", "amended", 50_000L).statusCode(409).body("type", equalTo(PROBLEMS + "illegal-transition"));
        review(approver, "recommend", "amended", 50_000L).statusCode(403);
        review(Tokens.businessOwner("owner-17"), "recommend", "amended", 50_000L).statusCode(403);
        review(reviewer, "recommend", "amended", 30_000L).statusCode(400);   // not more than decided
        review(reviewer, "recommend", "amended", 100_001L).statusCode(400);  // more than the reported loss
        review(reviewer, "recommend", "amended", null).statusCode(400);
        review(reviewer, "recommend", null, null).statusCode(400);
        review(reviewer, "dismiss", "amended", 50_000L).statusCode(400);
        assertThat(Database.fingerprint()).isEqualTo(before);

        review(bothRoles, "recommend", "amended", 50_000L).statusCode(200);
        review(bothRoles, "decide", null, null).statusCode(403).body("type", equalTo(PROBLEMS + "four-eyes-required"));
        review(reviewer, "decide", null, null).statusCode(403);
        // the budget holds: nothing is decided when the additional amount does not fit
        given().auth().oauth2(Tokens.withRoles("operator-ra@example.com", "compensation-operator")).contentType(ContentType.JSON)
                .body(Map.of("budgetKrw", 40_000)).when().put("/api/v1/programs/{id}/budget", program).then().statusCode(200);
        String recommended = Database.fingerprint();
        review(approver, "decide", null, null).statusCode(409).body("type", equalTo(PROBLEMS + "budget-exhausted"));
        assertThat(Database.fingerprint()).isEqualTo(recommended);
        given().auth().oauth2(Tokens.withRoles("operator-ra@example.com", "compensation-operator")).contentType(ContentType.JSON)
                .body(Map.of("budgetKrw", 50_000)).when().put("/api/v1/programs/{id}/budget", program).then().statusCode(200);
        review(approver, "decide", null, null).statusCode(200).body("outcome.additionalAmount", equalTo(20_000));
        review(approver, "decide", null, null).statusCode(409);
        given().when().get("/api/v1/programs/{id}/stats", program).then().statusCode(200)
                .body("budget.committed", equalTo(50_000)).body("budget.remaining", equalTo(0));
        PayoutTest.assertLedgerBalances();
    }

    @Test
    void concurrentFilingsAndDecisionsActOnce() throws Exception {
        String claim = Claims.file(program, Claims.taxi(18, 100_000), "owner-18");
        List<Response> filings = ClaimIntakeTest.concurrently(8, i -> given().auth().oauth2(Tokens.businessOwner("owner-18"))
                .contentType(ContentType.JSON).body(Map.of("reason", "same reason"))
                .when().post("/api/v1/claims/{id}/objection", claim));
        assertThat(filings.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(filings).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isIn(200, 201));
        review(reviewer, "recommend", "amended", 70_000L).statusCode(200);
        List<String> deciders = List.of(approver, Tokens.withRoles("approver-jin@example.com", "payout-approver"),
                Tokens.withRoles("approver-ko@example.com", "payout-approver"));
        List<Response> decisions = ClaimIntakeTest.concurrently(6, i -> given().auth().oauth2(deciders.get(i % 3))
                .contentType(ContentType.JSON).body(Map.of("decision", "decide", "reason", "minute 9"))
                .when().post("/api/v1/claims/{id}/objection/review", claim));
        assertThat(decisions.stream().filter(r -> r.statusCode() == 200)).hasSize(1);
        assertThat(decisions).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isIn(200, 409));
        assertThat(Database.count("select count(*) from ledger_entry where memo = 'objection amended'")).isEqualTo(2);
        claim(claim).body("decision.approvedAmount", equalTo(70_000)).body("payment.batchId", nullValue());
        PayoutTest.assertLedgerBalances();
    }

    private ValidatableResponse object(String owner, String claim, String reason) {
        return given().auth().oauth2(Tokens.businessOwner(owner)).contentType(ContentType.JSON)
                .body(Map.of("reason", reason, "documents", List.of(Map.of("type", "card_sales_statement", "ref", "upload/" + owner))))
                .when().post("/api/v1/claims/{id}/objection", claim).then();
    }

    private ValidatableResponse review(String token, String decision, String outcome, Long amount) {
        Map<String, Object> body = new HashMap<>(Map.of("decision", decision, "reason", "Committee minute 12: " + decision));
        if (outcome != null) {
            body.put("outcome", outcome);
        }
        if (amount != null) {
            body.put("amount", amount);
        }
        String claim = Database.text("select cast(claim_id as varchar) from claim_objection limit 1");
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/claims/{id}/objection/review", claim).then();
    }

    private void settlePaid(String batch, String claim) {
        given().auth().oauth2(approver).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("claimId", claim, "result", "paid", "bankReference", "REF-" + batch.substring(0, 6)))))
                .header("Approval-Id", PayoutApprovals.settle(batch, approver))
                .when().post("/api/v1/payout-batches/{id}/settlement", batch).then().statusCode(200);
    }

    private String batch(String key) {
        return createBatch(key).then().statusCode(201).extract().path("id");
    }

    private Response createBatch(String key) {
        return given().auth().oauth2(approver).header("Idempotency-Key", key)
                .when().post("/api/v1/programs/{id}/payout-batches", program);
    }

    private ValidatableResponse claim(String claim) {
        return given().auth().oauth2(approver).get("/api/v1/claims/{id}", claim).then().statusCode(200);
    }
}
