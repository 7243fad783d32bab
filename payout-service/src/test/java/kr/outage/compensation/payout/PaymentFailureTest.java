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
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * A transfer the bank refuses ("account closed") is not sent again to the same account: the claim
 * waits in payment_failed until its filer or an operator corrects the account, then is paid in the
 * next batch, exactly once; after payout.payments.max-failures failures an operator must confirm.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class PaymentFailureTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    final String approver = Tokens.withRoles("approver-lee@example.com", "payout-approver");
    final String otherApprover = Tokens.withRoles("approver-park@example.com", "payout-approver");

    String program;

    @BeforeEach
    void setUp() {
        program = Programs.freshFire2022();
    }

    @Test
    void failedThenCorrectedThenPaidInTheNextBatchExactlyOnce() {
        String claim = Claims.file(program, Claims.taxi(7, 100_000), "owner-7");
        String first = batch("b-1");
        settle(first, claim, "failed", "account closed");
        claim(approver, claim).body("state", equalTo("payment_failed")).body("payment.failures", equalTo(1));

        // never in a later batch while the account is the one that failed
        for (int i = 0; i < 3; i++) {
            createBatch("retry-" + i).then().statusCode(422).body("type", equalTo(PROBLEMS + "nothing-to-pay"));
        }
        String before = Database.text("select md5(c::text) from claim c where id = '" + claim + "'");
        correct("owner-7", claim, "Shinhan", "110-000007", "Owner 7").statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "account-unchanged"));
        correct("owner-8", claim, "Kookmin", "123-45-678901", "Owner 7").statusCode(404);
        given().auth().oauth2(Tokens.businessOwner("owner-7")).contentType(ContentType.JSON).body("{}")
                .when().put("/api/v1/claims/{id}/bank-account", claim).then().statusCode(400).contentType("application/problem+json");
        assertThat(Database.text("select md5(c::text) from claim c where id = '" + claim + "'")).isEqualTo(before);

        correct("owner-7", claim, "Kookmin", "123-45-678901", "Owner 7").statusCode(200)
                .body("state", equalTo("approved")).body("bankAccount.accountNumberMasked", equalTo("*******8901"))
                .body("bankAccount.bank", equalTo("Kookmin"));
        String second = batch("b-2");
        String csv = given().auth().oauth2(approver).header("Approval-Id", PayoutApprovals.release(second, approver)).when().get("/api/v1/payout-batches/{id}/transfers.csv", second)
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains("Kookmin,123-45-678901").doesNotContain("110-000007");
        settle(second, claim, "paid", null);
        claim(approver, claim).body("state", equalTo("paid"));
        createBatch("b-3").then().statusCode(422);

        assertThat(Database.count("select count(*) from payout_item where claim_id = '" + claim + "' and state = 'paid'")).isOne();
        assertThat(Database.count("select count(*) from ledger_entry where account = 'paid'")).isOne();
        assertThat(Database.count("select coalesce(sum(amount), 0) from ledger_entry where account = 'payable'")).isZero();
        // the history keeps both accounts, masked; the full old number is nowhere but in nothing
        assertThat(Database.text("select old_bank || ' ' || old_account_masked || ' -> ' || new_bank || ' ' || new_account_masked "
                + "|| ' by ' || principal from bank_account_change")).isEqualTo("Shinhan *****0007 -> Kookmin *******8901 by owner-7");
        assertThat(Database.count("select count(*) from claim where bank_account like '%000007%'")).isZero();
        given().auth().oauth2(approver).get("/api/v1/claims/{id}/decisions", claim).then().statusCode(200)
                .body("decision", hasItems("payment_failed", "bank_account_corrected"));
    }

    @Test
    void anAccountIsNotCorrectedWhileTheBankHasTheTransfer() {
        String claim = Claims.file(program, Claims.taxi(3, 100_000), "owner-3");
        batch("b-1");
        correct("owner-3", claim, "Kookmin", "123-45-678901", "Owner 3").statusCode(409)
                .body("type", equalTo(PROBLEMS + "payment-in-progress"));
        claim(approver, claim).body("state", equalTo("in_payment")).body("bankAccount.bank", equalTo("Shinhan"));
    }

    @Test
    void afterThreeFailuresTheFilerCannotRequeueAloneAndAnOperatorConfirms() {
        String claim = Claims.file(program, Claims.taxi(4, 100_000), "owner-4");
        for (int attempt = 1; attempt <= 3; attempt++) {
            settle(batch("b-" + attempt), claim, "failed", "account closed (" + attempt + ")");
            var answer = correct("owner-4", claim, "Bank " + attempt, "100-200-30000" + attempt, "Owner 4").statusCode(200);
            answer.body("state", equalTo(attempt < 3 ? "approved" : "payment_failed"));
        }
        createBatch("while-waiting").then().statusCode(422);
        assertThat(Database.text("select reason from claim_decision where decision = 'bank_account_corrected' order by seq desc limit 1"))
                .startsWith("after 3 failed transfers an operator must confirm");
        // the operator confirms the account the filer gave (the same account is allowed to them)
        correctAs(otherApprover, claim, "Bank 3", "100-200-300003", "Owner 4").statusCode(200)
                .body("state", equalTo("approved"));
        settle(batch("b-4"), claim, "paid", null);
        claim(approver, claim).body("state", equalTo("paid")).body("payment.failures", equalTo(3));
        given().when().get("/api/v1/programs/{id}/stats", program).then().statusCode(200)
                .body("payments.failedTransfers", equalTo(3)).body("payments.accountsCorrected", equalTo(4))
                .body("payments.awaitingCorrection", equalTo(0));
    }

    @Test
    void concurrentCorrectionsAndBatchesPayEveryClaimOnce() throws Exception {
        List<String> claims = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            claims.add(Claims.file(program, Claims.taxi(100 + i, 100_000), "owner-" + (100 + i)));
        }
        String first = batch("b-1");
        for (String c : claims) {
            settle(first, c, "failed", "account closed");
        }
        // two corrections of every claim and four batch creations, all at once
        List<Response> answers = ClaimIntakeTest.concurrently(28, i -> {
            if (i < 24) {
                int n = i % 12;
                BankGatewayStub.opens("900-" + n + "-" + i, "Owner " + (100 + n));
                return given().auth().oauth2(Tokens.businessOwner("owner-" + (100 + n))).contentType(ContentType.JSON)
                        .body(Map.of("bankAccount", Map.of("bank", "Kookmin", "accountNumber", "900-" + n + "-" + i, "holder", "Owner " + (100 + n))))
                        .when().put("/api/v1/claims/{id}/bank-account", claims.get(n));
            }
            return createBatch("concurrent-" + i);
        });
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isIn(200, 201, 409, 422));
        // whatever was not taken yet is taken now; then the bank pays everything pending
        createBatch("sweep");
        for (String batch : Database.texts("select cast(id as varchar) from payout_batch where state = 'open'")) {
            for (String c : Database.texts("select cast(claim_id as varchar) from payout_item where state = 'pending' "
                    + "and batch_id = '" + batch + "'")) {
                settle(batch, c, "paid", null);
            }
        }
        assertThat(Database.count("select count(*) from claim where state = 'paid'")).isEqualTo(12);
        assertThat(Database.count("select count(*) from payout_item where state = 'paid'")).isEqualTo(12);
        assertThat(Database.count("select count(*) from (select claim_id from payout_item where state in ('pending', 'paid') "
                + "group by claim_id having count(*) > 1) twice")).isZero();
        assertThat(Database.count("select sum(amount) from ledger_entry where account = 'paid'")).isEqualTo(12 * 30_000);
        PayoutTest.assertLedgerBalances();
    }

    private String batch(String key) {
        return createBatch(key).then().statusCode(201).extract().path("id");
    }

    private Response createBatch(String key) {
        return given().auth().oauth2(approver).header("Idempotency-Key", key)
                .when().post("/api/v1/programs/{id}/payout-batches", program);
    }

    private void settle(String batch, String claim, String result, String reason) {
        Map<String, Object> item = new java.util.HashMap<>(Map.of("claimId", claim, "result", result));
        if (reason != null) {
            item.put("failureReason", reason);
        } else {
            item.put("bankReference", "REF-" + UUID.randomUUID().toString().substring(0, 8));
        }
        given().auth().oauth2(approver).contentType(ContentType.JSON).body(Map.of("items", List.of(item)))
                .header("Approval-Id", PayoutApprovals.settle(batch, approver)).when().post("/api/v1/payout-batches/{id}/settlement", batch).then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse claim(String token, String claim) {
        return given().auth().oauth2(token).get("/api/v1/claims/{id}", claim).then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse correct(String owner, String claim, String bank, String number, String holder) {
        return correctAs(Tokens.businessOwner(owner), claim, bank, number, holder);
    }

    /** The correction with an account the bank holds in {@code holder}'s name. */
    private io.restassured.response.ValidatableResponse correctAs(String token, String claim, String bank, String number, String holder) {
        BankGatewayStub.opens(number, holder);
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("bankAccount", Map.of("bank", bank, "accountNumber", number, "holder", holder), "reason", "account changed"))
                .when().put("/api/v1/claims/{id}/bank-account", claim).then();
    }
}
