package kr.outage.compensation.payout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.service.ClaimNoticeWorker;
import kr.outage.compensation.payout.support.Claims;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Owners;
import kr.outage.compensation.payout.support.PayoutApprovals;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.NoticeChannels;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What a claim's filer is told: a notice per event (filed, approved with the amount, rejected with the
 * reason, paid, payment failed), written with the claim's own change, delivered once by the filer's
 * channel (a text message to a phone, else an e-mail) or kept with the claim, each with a code that
 * the suite's verifier (entitlement-service, with its service token) can look up.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
@QuarkusTestResource(NoticeChannels.class)
class ClaimNoticeTest {

    static final String PROGRAM = "Small-business support: Pangyo data-center fire";
    final String approver = Tokens.withRoles("approver-yang@example.com", "payout-approver");
    final String reviewer = Tokens.withRoles("reviewer-ahn@example.com", "claims-reviewer");
    /** The verifier's identity: entitlement-service's service token. */
    final String verifier = Tokens.withRoles("entitlement-service", "service");

    @Inject
    ClaimNoticeWorker worker;

    String program;

    @BeforeEach
    void setUp() {
        program = Programs.freshFire2022();
        NoticeChannels.reset();
    }

    @Test
    void anApprovalByRuleIsTextedOnceWithItsAmountAndCode() {
        String claim = file(Claims.taxi(21, 100_000), "owner-21", Map.of("phone", "010-1234-5678"));
        List<Map<String, Object>> notices = delivered(claim, 1);
        assertThat(notices.get(0)).containsEntry("event", "approved").containsEntry("state", "sent")
                .containsEntry("channel", "MESSAGE").containsEntry("recipientMasked", "010-****-5678")
                .containsEntry("programName", PROGRAM);
        String code = (String) notices.get(0).get("code");
        String text = (String) notices.get(0).get("text");
        assertThat(text).contains("[" + PROGRAM + "] Taxi 21 신청이 승인되었습니다", "30,000원", "확인 코드 " + code,
                "https://compensation-suite.example/compensations/verify");
        assertThat(NoticeChannels.DELIVERED).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo("+821012345678");
            assertThat(m.reference()).isEqualTo(code);
            assertThat(m.text()).isEqualTo(text);
        });
        // the verifier finds it by its code, with the text as sent
        given().auth().oauth2(verifier).when().get("/api/v1/notices/{code}", code).then().statusCode(200)
                .body("text", equalTo(text)).body("state", equalTo("sent")).body("programName", equalTo(PROGRAM));
        given().auth().oauth2(verifier).when().get("/api/v1/notices/{code}", code.toLowerCase().replace("-", "")).then()
                .statusCode(200);
        // nobody else: not the filer, not another service of the suite
        given().auth().oauth2(Owners.of("owner-21", Claims.taxi(21, 100_000))).when().get("/api/v1/notices/{code}", code)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.withRoles("incident-service", "service")).when().get("/api/v1/notices/{code}", code)
                .then().statusCode(403);
        given().auth().oauth2(verifier).when().get("/api/v1/notices/{code}", "ZZZZ-ZZZZ-ZZZZ").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(verifier).when().get("/api/v1/notices/{code}", "not a code").then().statusCode(404)
                .contentType("application/problem+json");
        // sent once: more polls change nothing
        worker.wakeUp();
        await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(NoticeChannels.REQUESTS_PER_REFERENCE.get(code)).isOne();
    }

    @Test
    void aRejectionSaysWhyAndHowToObjectAndStaysWithTheClaimWithoutContactDetails() {
        String claim = Claims.file(program, Claims.restaurant(22, 10_000_000), "owner-22");
        given().auth().oauth2(reviewer).contentType(ContentType.JSON)
                .body(Map.of("decision", "reject", "reason", "no sales ledger for October")).when()
                .post("/api/v1/claims/{id}/review", claim).then().statusCode(200);
        List<Map<String, Object>> notices = delivered(claim, 2);
        assertThat(notices).extracting(n -> n.get("event")).containsExactly("filed", "rejected");
        assertThat(notices).allSatisfy(n -> assertThat(n).containsEntry("state", "kept").containsEntry("channel", null));
        assertThat((String) notices.get(1).get("text")).contains("사유: no sales ledger for October", "30일 안에",
                "공식 앱 또는 사이트에서 이의신청");
        assertThat(NoticeChannels.DELIVERED).isEmpty();
        // claims staff see them too; another business does not
        given().auth().oauth2(reviewer).when().get("/api/v1/claims/{id}/notices", claim).then().statusCode(200);
        given().auth().oauth2(Owners.of("owner-99", Claims.taxi(99, 1))).when().get("/api/v1/claims/{id}/notices", claim)
                .then().statusCode(404);
    }

    @Test
    void aFailedTransferAsksForNothingButACorrectionInTheOfficialAppAndAPaymentIsTold() {
        String claim = file(Claims.taxi(23, 100_000), "owner-23", Map.of("email", "Owner23@Example.com", "language", "en"));
        String batch = given().auth().oauth2(approver).header("Idempotency-Key", "n-1")
                .when().post("/api/v1/programs/{id}/payout-batches", program).then().statusCode(201).extract().path("id");
        settle(batch, Map.of("claimId", claim, "result", "failed", "resultCode", "account_closed"));
        List<Map<String, Object>> notices = delivered(claim, 2);
        Map<String, Object> failed = notices.get(1);
        assertThat(failed).containsEntry("event", "payment_failed").containsEntry("channel", "EMAIL")
                .containsEntry("recipientMasked", "o***@example.com");
        String text = (String) failed.get("text");
        assertThat(text).contains("did not go through. Reason: account closed", "correct the account in the official app or site",
                "never asks for bank details");
        // no link but the verify page
        assertThat(text.replace("https://compensation-suite.example/compensations/verify", "")).doesNotContain("http", "www.");
        assertThat(NoticeChannels.EMAILS).hasSize(2).allSatisfy(e -> assertThat(e.to()).containsExactly("owner23@example.com"));
    }

    @Test
    void contactDetailsThatAreNotAnAddressOrAMobileNumberAreRefusedAndNothingIsStored() {
        Map<String, Long> before = Database.rowCounts();
        for (Map<String, Object> contact : List.<Map<String, Object>>of(Map.of("email", "not-an-address"),
                Map.of("phone", "12345"), Map.of(), Map.of("phone", "010-1234-5678", "language", "jp"),
                Map.of("email", "a".repeat(250) + "@example.com"))) {
            Map<String, Object> claim = new HashMap<>(Claims.taxi(24, 100_000));
            claim.put("contact", contact);
            given().auth().oauth2(Owners.of("owner-24", claim)).contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).body(claim)
                    .when().post("/api/v1/programs/{id}/claims", program).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        assertThat(Database.rowCounts()).isEqualTo(before);
        assertThat(Database.count("select count(*) from claim_notice")).isZero();
    }

    @Test
    void contactDetailsAreStoredEncryptedAndShownOnlyMasked() {
        String claim = file(Claims.taxi(25, 100_000), "owner-25", Map.of("phone", "010-9876-5432", "email", "boss@taxi25.example"));
        assertThat(Database.count("select count(*) from claim where contact_phone like '%9876%' or contact_email like '%taxi25%'")).isZero();
        assertThat(Database.text("select contact_phone_masked || ' ' || contact_email_masked from claim where id = '" + claim + "'"))
                .isEqualTo("010-****-5432 b***@taxi25.example");
        // a phone goes before an e-mail
        assertThat(delivered(claim, 1).get(0)).containsEntry("channel", "MESSAGE");
    }

    private String file(Map<String, Object> claim, String owner, Map<String, Object> contact) {
        Map<String, Object> body = new HashMap<>(claim);
        body.put("contact", contact);
        return given().auth().oauth2(Owners.of(owner, claim)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .when().post("/api/v1/programs/{id}/claims", program).then().statusCode(201).extract().path("id");
    }

    private void settle(String batch, Map<String, Object> item) {
        given().auth().oauth2(approver).contentType(ContentType.JSON).body(Map.of("items", List.of(item)))
                .header("Approval-Id", PayoutApprovals.settle(batch, approver))
                .when().post("/api/v1/payout-batches/{id}/settlement", batch).then().statusCode(200);
    }

    /** The claim's notices once {@code count} of them have left the queue. */
    private List<Map<String, Object>> delivered(String claim, int count) {
        worker.wakeUp();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonPath all = given().auth().oauth2(approver).when().get("/api/v1/claims/{id}/notices", claim)
                    .then().statusCode(200).extract().jsonPath();
            List<String> states = all.getList("state");
            return states.size() == count && states.stream().noneMatch(s -> s.equals("queued") || s.equals("sending"));
        });
        return given().auth().oauth2(approver).when().get("/api/v1/claims/{id}/notices", claim).then().statusCode(200)
                .extract().jsonPath().getList("$");
    }
}
