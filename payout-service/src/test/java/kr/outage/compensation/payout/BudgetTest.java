package kr.outage.compensation.payout;

import kr.outage.compensation.payout.support.Owners;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kr.outage.compensation.payout.support.Claims;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.MovableClock;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A program's budget holds: approvals by rule that no longer fit wait in awaiting_budget, a committee
 * approval that does not fit is refused, never more is committed than was set aside, also when
 * claims and approvals arrive at once; raising the budget admits the waiting claims in filing order.
 * The committed figure and the published stats add up to the ledger.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class BudgetTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    final String reviewer = Tokens.withRoles("reviewer-kim@example.com", "claims-reviewer");
    final String approver = Tokens.withRoles("approver-lee@example.com", "payout-approver");

    @BeforeEach
    void setUp() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        MovableClock.INSTANCE.reset();
    }

    private static String program(long budget) {
        Map<String, Object> program = new HashMap<>(Programs.fire2022());
        program.put("budgetKrw", budget);
        return Programs.create(program);
    }

    @Test
    void concurrentClaimsNeverCommitMoreThanTheBudgetAndTheRestWait() throws Exception {
        String program = program(300_000);   // ten taxi claims of 30,000 approved by rule
        List<String> owners = java.util.stream.IntStream.range(0, 25).mapToObj(i -> Owners.of("owner-" + i, Claims.taxi(i, 100_000))).toList();
        List<Response> answers = ClaimIntakeTest.concurrently(25, i -> given().auth().oauth2(owners.get(i))
                .contentType(ContentType.JSON).header("Idempotency-Key", "k-" + i).body(Claims.taxi(i, 100_000))
                .when().post("/api/v1/programs/{id}/claims", program));
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(201));
        assertThat(answers.stream().filter(r -> r.jsonPath().getString("state").equals("approved"))).hasSize(10);
        List<Response> waiting = answers.stream().filter(r -> r.jsonPath().getString("state").equals("awaiting_budget")).toList();
        assertThat(waiting).hasSize(15).allSatisfy(r -> assertThat(r.jsonPath().getString("decision.approvedAmount")).isNull());

        assertThat(Database.count("select committed from program_budget")).isEqualTo(300_000);
        assertThat(Database.count("select -sum(amount) from ledger_entry where account = 'program_budget'")).isEqualTo(300_000);
        assertThat(Database.count("select count(*) from claim where state = 'approved'")).isEqualTo(10);
        given().when().get("/api/v1/programs/{id}/stats", program).then().statusCode(200)
                .body("budget.budget", equalTo(300_000)).body("budget.committed", equalTo(300_000))
                .body("budget.remaining", equalTo(0)).body("budget.claimsAwaitingBudget", equalTo(15))
                .body("byState.awaiting_budget", equalTo(15));
        PayoutTest.assertLedgerBalances();

        // a retry of a waiting claim gets its first answer back, and commits nothing
        String ownerX = Owners.of("owner-x", Claims.taxi(500, 100_000));
        Response retry = given().auth().oauth2(ownerX).contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-x").body(Claims.taxi(500, 100_000)).when().post("/api/v1/programs/{id}/claims", program);
        Response again = given().auth().oauth2(ownerX).contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-x").body(Claims.taxi(500, 100_000)).when().post("/api/v1/programs/{id}/claims", program);
        assertThat(again.asString()).isEqualTo(retry.asString());
        assertThat(retry.jsonPath().getString("state")).isEqualTo("awaiting_budget");
        assertThat(Database.count("select committed from program_budget")).isEqualTo(300_000);
        // waiting claims are not paid
        given().auth().oauth2(approver).header("Idempotency-Key", "b-1").when().post("/api/v1/programs/{id}/payout-batches", program)
                .then().statusCode(201).body("itemCount", equalTo(10));
    }

    @Test
    void raisingTheBudgetAdmitsWaitingClaimsInFilingOrder() {
        String program = program(60_000);
        List<String> claims = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            MovableClock.INSTANCE.set(MovableClock.start().plusSeconds(i));
            claims.add(Claims.file(program, Claims.taxi(i, 100_000), "owner-" + i));
        }
        assertThat(Database.count("select count(*) from claim where state = 'awaiting_budget'")).isEqualTo(3);
        String operator = Tokens.operator();
        String before = Database.text("select md5(string_agg(b::text, ',')) from program_budget b");
        for (Object bad : new Object[]{0, -1, "lots", 59_999}) {
            given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("budgetKrw", bad))
                    .when().put("/api/v1/programs/{id}/budget", program).then()
                    .statusCode(bad.equals(59_999) ? 409 : 400).contentType("application/problem+json");
        }
        given().auth().oauth2(approver).contentType(ContentType.JSON).body(Map.of("budgetKrw", 200_000))
                .when().put("/api/v1/programs/{id}/budget", program).then().statusCode(403);
        assertThat(Database.text("select md5(string_agg(b::text, ',')) from program_budget b")).isEqualTo(before);

        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("budgetKrw", 120_000))
                .when().put("/api/v1/programs/{id}/budget", program).then().statusCode(200)
                .body("budget", equalTo(120_000)).body("committed", equalTo(120_000)).body("admitted", equalTo(2));
        // the first two of the three waiting claims, in the order they were filed
        assertThat(Database.texts("select state from claim order by filed_at"))
                .containsExactly("approved", "approved", "approved", "approved", "awaiting_budget");
        given().auth().oauth2(approver).get("/api/v1/claims/{id}/decisions", claims.get(2)).then()
                .body("decision", hasItem("approved_within_budget"));
        assertThat(Database.count("select -sum(amount) from ledger_entry where account = 'program_budget'")).isEqualTo(120_000);
        assertThat(Database.count("select count(*) from payout_audit where action = 'BUDGET_RAISED' and subject_id = '"
                + program + "'")).isOne();
        PayoutTest.assertLedgerBalances();
    }

    @Test
    void concurrentCommitteeApprovalsStopAtTheBudget() throws Exception {
        String program = program(100_000);
        List<String> claims = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String claim = Claims.file(program, Claims.restaurant(i, 10_000_000), "owner-" + i);
            given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("decision", "recommend", "amount", 30_000, "reason", "minute 7"))
                    .when().post("/api/v1/claims/{id}/review", claim).then().statusCode(200);
            claims.add(claim);
        }
        List<Response> answers = ClaimIntakeTest.concurrently(5, i -> given().auth().oauth2(approver).contentType(ContentType.JSON)
                .body(Map.of("decision", "approve", "reason", "minute 8")).when().post("/api/v1/claims/{id}/review", claims.get(i)));
        assertThat(answers.stream().filter(r -> r.statusCode() == 200)).hasSize(3);
        assertThat(answers.stream().filter(r -> r.statusCode() == 409)).hasSize(2)
                .allSatisfy(r -> assertThat(r.jsonPath().getString("type")).isEqualTo(PROBLEMS + "budget-exhausted"));
        assertThat(Database.count("select count(*) from claim where state = 'recommended'")).isEqualTo(2);
        assertThat(Database.count("select count(*) from claim_decision where decision = 'approve'")).isEqualTo(3);
        assertThat(Database.count("select committed from program_budget")).isEqualTo(90_000);
        assertThat(Database.count("select -sum(amount) from ledger_entry where account = 'program_budget'")).isEqualTo(90_000);
        given().when().get("/api/v1/programs/{id}/stats", program).then()
                .body("budget.remaining", equalTo(10_000)).body("amounts.approved", equalTo(90_000));
    }

    @Test
    void aProgramWithoutABudgetIsNotLimited() {
        String program = Programs.create(Programs.fire2022());
        for (int i = 0; i < 3; i++) {
            Claims.file(program, Claims.taxi(i, 100_000), "owner-" + i);
        }
        given().when().get("/api/v1/programs/{id}/stats", program).then()
                .body("budget.budget", equalTo(null)).body("budget.committed", equalTo(90_000))
                .body("budget.remaining", equalTo(null)).body("byState.approved", equalTo(3));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("budgetKrw", 50_000))
                .when().put("/api/v1/programs/{id}/budget", UUID.randomUUID()).then().statusCode(404);
        // setting a budget later counts what was approved without one (from the ledger)
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("budgetKrw", 80_000))
                .when().put("/api/v1/programs/{id}/budget", program).then().statusCode(409);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("budgetKrw", 100_000))
                .when().put("/api/v1/programs/{id}/budget", program).then().statusCode(200)
                .body("committed", equalTo(90_000)).body("admitted", equalTo(0));
        Claims.file(program, Claims.taxi(3, 100_000), "owner-3");
        assertThat(Database.count("select count(*) from claim where state = 'awaiting_budget'")).isOne();
        assertThat(Database.count("select committed from program_budget")).isEqualTo(90_000);
    }
}
