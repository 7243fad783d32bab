package kr.outage.compensation.payout;

import kr.outage.compensation.payout.support.PayoutApprovals;
import kr.outage.compensation.payout.support.BankGatewayStub;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Payout batches pay every approved claim exactly once; the ledger balances and matches what was paid. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class PayoutTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    final String approver = Tokens.withRoles("approver-lee@example.com", "payout-approver");

    String program;

    @BeforeEach
    void setUp() {
        program = Programs.freshFire2022();
    }

    /** n small taxi claims, each approved by rule at 30,000 KRW. */
    List<String> approvedClaims(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Claims.file(program, Claims.taxi(i, 100_000), "owner-" + i));
        }
        return ids;
    }

    Response createBatch(String key) {
        return given().auth().oauth2(approver).header("Idempotency-Key", key)
                .when().post("/api/v1/programs/{id}/payout-batches", program);
    }

    @Test
    void aBatchTakesEveryApprovedClaimOnceAndReplaysByKey() {
        approvedClaims(3);
        Response first = createBatch("batch-1");
        first.then().statusCode(201).body("itemCount", equalTo(3)).body("totalAmount", equalTo(90_000))
                .body("items.size()", equalTo(3)).body("items[0].state", equalTo("pending")).body("items[0].amount", equalTo(30_000))
                .body("pending.count", equalTo(3)).body("itemsPage", equalTo(0));
        Response replay = createBatch("batch-1");
        replay.then().statusCode(201);
        assertThat(replay.asString()).isEqualTo(first.asString());
        createBatch("batch-2").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "nothing-to-pay"));
        assertThat(Database.count("select count(*) from payout_batch")).isOne();
        assertThat(Database.count("select count(*) from claim where state = 'in_payment'")).isEqualTo(3);

        // the program's batches, paged, newest first
        Claims.file(program, Claims.taxi(99, 100_000), "owner-99");
        MovableClock.INSTANCE.set(MovableClock.INSTANCE.instant().plusSeconds(60));
        String second = createBatch("batch-3").then().statusCode(201).extract().path("id");
        given().auth().oauth2(approver).when().get("/api/v1/programs/{id}/payout-batches", program).then().statusCode(200)
                .body("total", equalTo(2)).body("items.size()", equalTo(2)).body("items[0].id", equalTo(second))
                .body("items[1].itemCount", equalTo(3)).body("items[1].pending.count", equalTo(3));
        given().auth().oauth2(approver).queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/v1/programs/{id}/payout-batches", program).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(first.jsonPath().getString("id")));
        given().auth().oauth2(approver).queryParam("size", 0).when().get("/api/v1/programs/{id}/payout-batches", program)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(approver).when().get("/api/v1/programs/{id}/payout-batches", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(Tokens.businessOwner("owner-1")).when().get("/api/v1/programs/{id}/payout-batches", program)
                .then().statusCode(403);
    }

    @Test
    void concurrentBatchesNeverTakeAClaimTwice() throws Exception {
        approvedClaims(40);
        List<Response> responses = ClaimIntakeTest.concurrently(6, i -> createBatch("concurrent-" + i));
        long created = responses.stream().filter(r -> r.statusCode() == 201).count();
        assertThat(created).isGreaterThanOrEqualTo(1);
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 422));
        assertThat(Database.count("select count(*) from payout_item")).isEqualTo(40);
        assertThat(Database.count("select count(distinct claim_id) from payout_item")).isEqualTo(40);
        assertThat(Database.count("select coalesce(sum(item_count), 0) from payout_batch")).isEqualTo(40);
    }

    @Test
    void settlementPaysOrReturnsEachItemAndTheLedgerBalances() {
        List<String> claims = approvedClaims(3);
        String batch = createBatch("b").then().statusCode(201).extract().path("id");

        String csv = given().auth().oauth2(approver).header("Approval-Id", PayoutApprovals.release(batch, approver)).when().get("/api/v1/payout-batches/{id}/transfers.csv", batch)
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines()).hasSize(4);
        assertThat(csv).startsWith("reference,business_registration_number,business_name,bank,account_number,account_holder,amount_krw\n")
                .contains("110-000001").contains(",30000\n");

        given().auth().oauth2(approver).contentType(ContentType.JSON).body(Map.of("items", List.of(
                        Map.of("claimId", claims.get(0), "result", "paid", "bankReference", "SH-0001"),
                        Map.of("claimId", claims.get(1), "result", "paid", "bankReference", "SH-0002"),
                        Map.of("claimId", claims.get(2), "result", "failed", "failureReason", "account closed"))))
                .header("Approval-Id", PayoutApprovals.settle(batch, approver)).when().post("/api/v1/payout-batches/{id}/settlement", batch)
                .then().statusCode(200)
                .body("state", equalTo("settled"))
                .body("paid.count", equalTo(2)).body("paid.amount", equalTo(60_000))
                .body("failed.count", equalTo(1)).body("pending.count", equalTo(0))
                .body("items.state", org.hamcrest.Matchers.containsInAnyOrder("paid", "paid", "failed"))
                .body("items.find { it.state == 'failed' }.failureReason", equalTo("account closed"));

        given().auth().oauth2(approver).get("/api/v1/claims/{id}", claims.get(0)).then()
                .body("state", equalTo("paid")).body("payment.bankReference", equalTo("SH-0001"));
        given().auth().oauth2(approver).get("/api/v1/claims/{id}", claims.get(2)).then()
                .body("state", equalTo("payment_failed")).body("payment.batchId", equalTo(null))
                .body("payment.failures", equalTo(1)).body("payment.lastFailureReason", equalTo("account closed"));

        // settling the same items again changes nothing: first result stands
        given().auth().oauth2(approver).contentType(ContentType.JSON).body(Map.of("items", List.of(
                        Map.of("claimId", claims.get(0), "result", "failed"))))
                .header("Approval-Id", PayoutApprovals.settle(batch, approver)).when().post("/api/v1/payout-batches/{id}/settlement", batch).then().statusCode(200)
                .body("paid.count", equalTo(2));

        // the failed one waits for a corrected account, then goes into the next batch and is paid there
        createBatch("b-2").then().statusCode(422).body("type", equalTo(PROBLEMS + "nothing-to-pay"));
        BankGatewayStub.opens("123-45-678901", "Owner 2");
        given().auth().oauth2(Tokens.businessOwner("owner-2")).contentType(ContentType.JSON)
                .body(Map.of("bankAccount", Map.of("bank", "Kookmin", "accountNumber", "123-45-678901", "holder", "Owner 2")))
                .when().put("/api/v1/claims/{id}/bank-account", claims.get(2)).then().statusCode(200)
                .body("state", equalTo("approved"));
        String next = createBatch("b-3").then().statusCode(201).body("itemCount", equalTo(1)).extract().path("id");
        given().auth().oauth2(approver).contentType(ContentType.JSON).body(Map.of("items", List.of(
                        Map.of("claimId", claims.get(2), "result", "paid", "bankReference", "SH-0003"))))
                .header("Approval-Id", PayoutApprovals.settle(next, approver)).when().post("/api/v1/payout-batches/{id}/settlement", next).then().statusCode(200);

        assertLedgerBalances();
        assertThat(Database.count("select sum(amount) from ledger_entry where account = 'paid'"))
                .isEqualTo(Database.count("select sum(approved_amount) from claim where state = 'paid'"))
                .isEqualTo(90_000);
        assertThat(Database.count("select coalesce(sum(amount), 0) from ledger_entry where account = 'payable'")).isZero();
        assertThat(Database.count("select count(*) from payout_item where state = 'paid'")).isEqualTo(3);

        given().when().get("/api/v1/programs/{id}/stats", program).then().statusCode(200)
                .body("claims", equalTo(3))
                .body("byState.paid", equalTo(3))
                .body("byCategory.taxi", equalTo(3))
                .body("byService.kakaot", equalTo(3))
                .body("byTier.'1'", equalTo(3))
                .body("amounts.reported", equalTo(300_000))
                .body("amounts.assessed", equalTo(96_000))
                .body("amounts.approved", equalTo(90_000))
                .body("amounts.paid", equalTo(90_000))
                .body("payments.failedTransfers", equalTo(1)).body("payments.accountsCorrected", equalTo(1))
                .body("payments.awaitingCorrection", equalTo(0))
                .body("intakePerDay[0].date", equalTo("2022-10-25"))
                .body("intakePerDay[0].claims", equalTo(3));
    }

    @Test
    void ledgerEntriesAreImmutable() {
        approvedClaims(1);
        assertThatThrownBy(() -> Database.execute("update ledger_entry set amount = amount * 2"))
                .hasMessageContaining("ledger entries are immutable");
        assertThatThrownBy(() -> Database.execute("delete from ledger_entry"))
                .hasMessageContaining("ledger entries are immutable");
        assertLedgerBalances();
    }

    @Test
    void batchesNeedTheApproverRoleAKeyAndAKnownProgram() {
        approvedClaims(1);
        given().auth().oauth2(Tokens.reviewer()).header("Idempotency-Key", "k")
                .when().post("/api/v1/programs/{id}/payout-batches", program).then().statusCode(403);
        given().auth().oauth2(approver).when().post("/api/v1/programs/{id}/payout-batches", program)
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        given().auth().oauth2(approver).header("Idempotency-Key", "k")
                .when().post("/api/v1/programs/{id}/payout-batches", UUID.randomUUID()).then().statusCode(404);
        assertThat(Database.count("select count(*) from payout_batch")).isZero();
        assertThat(Database.count("select count(*) from idempotency_record where scope = 'payout-batch'")).isZero();
    }

    @Test
    void settlementOfClaimsOutsideTheBatchIsRefused() {
        approvedClaims(1);
        String batch = createBatch("b").then().statusCode(201).extract().path("id");
        given().auth().oauth2(approver).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("claimId", UUID.randomUUID().toString(), "result", "paid"))))
                .header("Approval-Id", PayoutApprovals.settle(batch, approver)).when().post("/api/v1/payout-batches/{id}/settlement", batch).then().statusCode(400)
                .body("errors[0].field", equalTo("items"));
        given().auth().oauth2(approver).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("claimId", UUID.randomUUID().toString(), "result", "lost"))))
                .header("Approval-Id", PayoutApprovals.settle(batch, approver)).when().post("/api/v1/payout-batches/{id}/settlement", batch).then().statusCode(400);
        assertThat(Database.count("select count(*) from payout_item where state = 'pending'")).isOne();
        assertThat(Database.count("select count(*) from ledger_entry where account = 'paid'")).isZero();
    }

    static void assertLedgerBalances() {
        assertThat(Database.count("select count(*) from (select txn_id from ledger_entry group by txn_id having sum(amount) <> 0) t"))
                .as("transactions that do not sum to zero").isZero();
        assertThat(Database.count("select coalesce(sum(amount), 0) from ledger_entry")).isZero();
    }
}
