package kr.outage.compensation.payout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import kr.outage.compensation.payout.support.BankGatewayStub;
import kr.outage.compensation.payout.support.Claims;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.PayoutApprovals;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The bank's result codes: a permanent code (the account cannot take the money) waits for a corrected
 * account; a transient one (the bank could not pay today) goes into a later batch on the same account,
 * up to payout.payments.transient-retries times in a row; a transfer returned after settlement
 * reverses its payment in the ledger and waits for a corrected account. The ledger balances throughout.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class BankResultCodeTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    static final long TAXI_AMOUNT = 30_000;
    final String approver = Tokens.withRoles("approver-cho@example.com", "payout-approver");
    final String otherApprover = Tokens.withRoles("approver-han@example.com", "payout-approver");

    String program;

    @BeforeEach
    void setUp() {
        program = Programs.freshFire2022();
    }

    @Test
    void everyPermanentCodeWaitsForACorrectedAccount() {
        List<String> permanent = List.of("account_closed", "account_not_found", "holder_mismatch", "account_suspended",
                "transfer_refused", "other");
        for (int i = 0; i < permanent.size(); i++) {
            String code = permanent.get(i);
            String claim = Claims.file(program, Claims.taxi(200 + i, 100_000), "owner-" + (200 + i));
            String batch = batch("perm-" + i);
            settleItem(batch, failed(claim, code, null)).statusCode(200)
                    .body("items[0].state", equalTo("failed")).body("items[0].resultCode", equalTo(code))
                    .body("items[0].failureClass", equalTo("permanent"));
            claim(claim).body("state", equalTo("payment_failed")).body("payment.failures", equalTo(1))
                    .body("payment.lastFailureCode", equalTo(code)).body("payment.transientFailures", equalTo(0));
            // never sent again to the account that refused it
            createBatch("perm-retry-" + i).then().statusCode(422).body("type", equalTo(PROBLEMS + "nothing-to-pay"));
        }
        // the bank's own words are kept; without them the code's
        claim(Database.text("select cast(claim_id as varchar) from payout_item where result_code = 'holder_mismatch'"))
                .body("payment.lastFailureReason", equalTo("account holder does not match"));
        given().when().get("/api/v1/programs/{id}/stats", program).then().statusCode(200)
                .body("payments.failedTransfers", equalTo(6)).body("payments.permanentFailures", equalTo(6))
                .body("payments.transientFailures", equalTo(0)).body("payments.awaitingCorrection", equalTo(6));
        PayoutTest.assertLedgerBalances();
    }

    @Test
    void aPassingFailureIsRetriedOnTheSameAccountThenNeedsANewOne() {
        String claim = Claims.file(program, Claims.taxi(31, 100_000), "owner-31");
        List<String> transient_ = List.of("bank_unavailable", "timeout", "daily_limit_exceeded");
        for (int attempt = 0; attempt < 3; attempt++) {
            String batch = batch("t-" + attempt);
            // the same account in every file: a bank that was down says nothing against it
            assertThat(transfers(batch)).contains("Shinhan,110-000031");
            settleItem(batch, failed(claim, transient_.get(attempt), "bank said " + attempt)).statusCode(200)
                    .body("items[0].failureClass", equalTo("transient"));
            claim(claim).body("state", equalTo("approved")).body("payment.failures", equalTo(0))
                    .body("payment.transientFailures", equalTo(attempt + 1))
                    .body("payment.lastFailureCode", equalTo(transient_.get(attempt)))
                    .body("payment.batchId", nullValue());
        }
        // the fourth in a row: retries are spent, the claim waits for another account
        settleItem(batch("t-3"), failed(claim, "timeout", null)).statusCode(200);
        claim(claim).body("state", equalTo("payment_failed")).body("payment.failures", equalTo(1))
                .body("payment.transientFailures", equalTo(4))
                .body("payment.lastFailureReason", startsWith("failed 4 times in a row for a passing reason"));
        createBatch("t-wait").then().statusCode(422);

        BankGatewayStub.opens("333-44-555666", "Owner 31");
        given().auth().oauth2(Tokens.businessOwner("owner-31")).contentType(ContentType.JSON)
                .body(Map.of("bankAccount", Map.of("bank", "Kookmin", "accountNumber", "333-44-555666", "holder", "Owner 31")))
                .when().put("/api/v1/claims/{id}/bank-account", claim).then().statusCode(200)
                .body("state", equalTo("approved")).body("payment.transientFailures", equalTo(0));
        settleItem(batch("t-paid"), paid(claim)).statusCode(200);
        claim(claim).body("state", equalTo("paid"));
        given().auth().oauth2(approver).get("/api/v1/claims/{id}/decisions", claim).then().statusCode(200)
                .body("decision", hasItems("payment_deferred", "payment_failed", "bank_account_corrected"));
        assertThat(Database.count("select count(*) from claim_decision where decision = 'payment_deferred'")).isEqualTo(3);
        given().when().get("/api/v1/programs/{id}/stats", program).then().statusCode(200)
                .body("payments.failedTransfers", equalTo(4)).body("payments.transientFailures", equalTo(4))
                .body("payments.permanentFailures", equalTo(0));
        assertThat(Database.count("select count(*) from payout_item where claim_id = '" + claim + "' and state = 'paid'")).isOne();
        assertThat(Database.count("select coalesce(sum(amount), 0) from ledger_entry where account = 'paid'")).isEqualTo(TAXI_AMOUNT);
        PayoutTest.assertLedgerBalances();
    }

    @Test
    void aTransferReturnedAfterSettlementIsOwedAgainAndPaidOnceToTheCorrectedAccount() {
        String claim = Claims.file(program, Claims.taxi(41, 100_000), "owner-41");
        String first = batch("r-1");
        settleItem(first, paid(claim)).statusCode(200);
        claim(claim).body("state", equalTo("paid"));

        // one person alone cannot make a paid claim payable again
        String before = Database.fingerprint();
        given().auth().oauth2(approver).contentType(ContentType.JSON).body(returnsBody(claim, "account_closed", "closed last week"))
                .when().post("/api/v1/payout-batches/{id}/returns", first).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "approval-required"));
        assertThat(Database.fingerprint()).isEqualTo(before);

        returnItems(first, returnsBody(claim, "account_closed", "closed last week")).statusCode(200)
                .body("items[0].state", equalTo("returned")).body("items[0].resultCode", equalTo("account_closed"))
                .body("items[0].failureReason", equalTo("closed last week")).body("returned.count", equalTo(1))
                .body("returned.amount", equalTo((int) TAXI_AMOUNT)).body("paid.count", equalTo(0));
        claim(claim).body("state", equalTo("payment_failed")).body("payment.paidAt", nullValue())
                .body("payment.lastFailureCode", equalTo("account_closed"))
                .body("payment.lastFailureReason", equalTo("returned after payment: closed last week"));
        assertThat(Database.count("select coalesce(sum(amount), 0) from ledger_entry where account = 'paid'")).isZero();
        assertThat(Database.count("select coalesce(sum(amount), 0) from ledger_entry where account = 'payable'")).isEqualTo(TAXI_AMOUNT);
        PayoutTest.assertLedgerBalances();

        // the same return again changes nothing
        returnItems(first, returnsBody(claim, "account_closed", "closed last week")).statusCode(200);
        assertThat(Database.count("select count(*) from ledger_entry where memo = 'transfer returned'")).isEqualTo(2);

        BankGatewayStub.opens("777-88-999000", "Owner 41");
        given().auth().oauth2(Tokens.businessOwner("owner-41")).contentType(ContentType.JSON)
                .body(Map.of("bankAccount", Map.of("bank", "Woori", "accountNumber", "777-88-999000", "holder", "Owner 41")))
                .when().put("/api/v1/claims/{id}/bank-account", claim).then().statusCode(200).body("state", equalTo("approved"));
        String second = batch("r-2");
        assertThat(transfers(second)).contains("Woori,777-88-999000");
        settleItem(second, paid(claim)).statusCode(200);
        claim(claim).body("state", equalTo("paid"));
        createBatch("r-3").then().statusCode(422);

        assertThat(Database.count("select count(*) from payout_item where claim_id = '" + claim + "' and state = 'paid'")).isOne();
        assertThat(Database.count("select count(*) from payout_item where claim_id = '" + claim + "' and state = 'returned'")).isOne();
        assertThat(Database.count("select coalesce(sum(amount), 0) from ledger_entry where account = 'paid'")).isEqualTo(TAXI_AMOUNT);
        assertThat(Database.count("select coalesce(sum(amount), 0) from ledger_entry where account = 'payable'")).isZero();
        PayoutTest.assertLedgerBalances();
        given().auth().oauth2(approver).get("/api/v1/claims/{id}/decisions", claim).then().statusCode(200)
                .body("decision", hasItems("payment_returned", "bank_account_corrected"));
        given().when().get("/api/v1/programs/{id}/stats", program).then().statusCode(200)
                .body("payments.returnedTransfers", equalTo(1)).body("payments.failedTransfers", equalTo(0));
    }

    @Test
    void filesThatDoNotFitAreRefusedWithNothingChanged() {
        String paidClaim = Claims.file(program, Claims.taxi(51, 100_000), "owner-51");
        String first = batch("x-1");
        settleItem(first, paid(paidClaim)).statusCode(200);
        String pendingClaim = Claims.file(program, Claims.taxi(52, 100_000), "owner-52");
        String second = batch("x-2");

        String before = Database.fingerprint();
        String returnApproval = PayoutApprovals.approved("payout.batch.return", second, approver);
        // a transfer still with the bank cannot come back
        given().auth().oauth2(approver).contentType(ContentType.JSON).header("Approval-Id", returnApproval)
                .body(returnsBody(pendingClaim, "account_closed", null))
                .when().post("/api/v1/payout-batches/{id}/returns", second).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "transfer-not-paid"));
        // a claim of another batch, an unknown code, no code, a paid item with a failure code
        String firstApproval = PayoutApprovals.approved("payout.batch.return", first, approver);
        List<Map<String, Object>> refusedReturns = List.of(returnsBody(pendingClaim, "account_closed", null),
                returnsBody(paidClaim, "closed_maybe", null), returnsBody(paidClaim, "ACCOUNT_CLOSED", null),
                Map.of("items", List.of(Map.of("claimId", paidClaim))));
        for (Map<String, Object> body : refusedReturns) {
            given().auth().oauth2(approver).contentType(ContentType.JSON).header("Approval-Id", firstApproval).body(body)
                    .when().post("/api/v1/payout-batches/{id}/returns", first).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        String settleApproval = PayoutApprovals.settle(second, approver);
        List<Map<String, Object>> refusedSettlements = List.of(
                Map.of("items", List.of(Map.of("claimId", pendingClaim, "result", "paid", "resultCode", "account_closed"))),
                Map.of("items", List.of(Map.of("claimId", pendingClaim, "result", "failed", "resultCode", "bank-down"))),
                Map.of("items", List.of(Map.of("claimId", pendingClaim, "result", "returned"))));
        for (Map<String, Object> body : refusedSettlements) {
            given().auth().oauth2(approver).contentType(ContentType.JSON).header("Approval-Id", settleApproval).body(body)
                    .when().post("/api/v1/payout-batches/{id}/settlement", second).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        assertThat(Database.fingerprint()).isEqualTo(before);
        // a refused file did not use up the approval: the corrected one goes through with it
        given().auth().oauth2(approver).contentType(ContentType.JSON).header("Approval-Id", firstApproval)
                .body(returnsBody(paidClaim, "holder_mismatch", null))
                .when().post("/api/v1/payout-batches/{id}/returns", first).then().statusCode(200)
                .body("items[0].state", equalTo("returned"));
        claim(paidClaim).body("state", equalTo("payment_failed"))
                .body("payment.lastFailureReason", equalTo("returned after payment: account holder does not match"));
    }

    @Test
    void concurrentReturnsOfOneTransferReverseItOnce() throws Exception {
        String claim = Claims.file(program, Claims.taxi(61, 100_000), "owner-61");
        String batch = batch("c-1");
        settleItem(batch, paid(claim)).statusCode(200);
        List<String> makers = List.of(approver, otherApprover, Tokens.withRoles("approver-yoon@example.com", "payout-approver"));
        List<String> approvals = makers.stream().map(m -> PayoutApprovals.approved("payout.batch.return", batch, m)).toList();
        List<Response> answers = ClaimIntakeTest.concurrently(3, i -> given().auth().oauth2(makers.get(i))
                .contentType(ContentType.JSON).header("Approval-Id", approvals.get(i))
                .body(returnsBody(claim, "account_closed", null)).when().post("/api/v1/payout-batches/{id}/returns", batch));
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isIn(200, 409));
        assertThat(answers).anySatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(Database.count("select count(*) from ledger_entry where memo = 'transfer returned'")).isEqualTo(2);
        assertThat(Database.count("select payment_failures from claim where id = '" + claim + "'")).isOne();
        PayoutTest.assertLedgerBalances();
    }

    private static Map<String, Object> failed(String claim, String code, String reason) {
        Map<String, Object> item = new HashMap<>(Map.of("claimId", claim, "result", "failed", "resultCode", code));
        if (reason != null) {
            item.put("failureReason", reason);
        }
        return item;
    }

    private static Map<String, Object> paid(String claim) {
        return Map.of("claimId", claim, "result", "paid", "bankReference", "REF-" + claim.substring(0, 8));
    }

    private static Map<String, Object> returnsBody(String claim, String code, String reason) {
        Map<String, Object> item = new HashMap<>(Map.of("claimId", claim, "resultCode", code));
        if (reason != null) {
            item.put("reason", reason);
        }
        return Map.of("items", List.of(item));
    }

    private ValidatableResponse settleItem(String batch, Map<String, Object> item) {
        return given().auth().oauth2(approver).contentType(ContentType.JSON).body(Map.of("items", List.of(item)))
                .header("Approval-Id", PayoutApprovals.settle(batch, approver))
                .when().post("/api/v1/payout-batches/{id}/settlement", batch).then();
    }

    private ValidatableResponse returnItems(String batch, Map<String, Object> body) {
        return given().auth().oauth2(approver).contentType(ContentType.JSON).body(body)
                .header("Approval-Id", PayoutApprovals.approved("payout.batch.return", batch, approver))
                .when().post("/api/v1/payout-batches/{id}/returns", batch).then();
    }

    private String transfers(String batch) {
        return given().auth().oauth2(approver).header("Approval-Id", PayoutApprovals.release(batch, approver))
                .when().get("/api/v1/payout-batches/{id}/transfers.csv", batch).then().statusCode(200).extract().asString();
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
