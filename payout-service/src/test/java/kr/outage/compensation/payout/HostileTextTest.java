package kr.outage.compensation.payout;

import kr.outage.compensation.payout.support.PayoutApprovals;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kr.outage.compensation.payout.support.Claims;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Text PostgreSQL cannot store (a NUL) and values of the wrong JSON type are the client's mistake in
 * every field: a 400 naming the field, never a server error, and nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class HostileTextTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    static final String NUL = "\u0000";

    String program;
    String claim;
    Map<String, Long> before;
    String claimsBefore;

    @BeforeEach
    void aProgramWithAClaim() {
        program = Programs.freshFire2022();
        claim = Claims.file(program, Claims.taxi(1, 300_000), "owner-1");
        before = Database.rowCounts();
        claimsBefore = Database.text("select md5(string_agg(c::text, '|' order by id)) from claim c");
    }

    @AfterEach
    void nothingWasStoredOrChanged() {
        assertThat(Database.rowCounts()).isEqualTo(before);
        assertThat(Database.text("select md5(string_agg(c::text, '|' order by id)) from claim c")).isEqualTo(claimsBefore);
    }

    static Stream<Object[]> hostileClaims() {
        return Stream.of(
                new Object[]{"businessName", (java.util.function.Consumer<Map<String, Object>>) c -> c.put("businessName", "Taxi" + NUL)},
                new Object[]{"lossBasis", (java.util.function.Consumer<Map<String, Object>>) c -> c.put("lossBasis", "two days" + NUL)},
                new Object[]{"bankAccount.bank", (java.util.function.Consumer<Map<String, Object>>) c -> c.put("bankAccount",
                        Map.of("bank", "Shin" + NUL + "han", "accountNumber", "110-000009", "holder", "Owner"))},
                new Object[]{"bankAccount.holder", (java.util.function.Consumer<Map<String, Object>>) c -> c.put("bankAccount",
                        Map.of("bank", "Shinhan", "accountNumber", "110-000009", "holder", NUL))},
                new Object[]{"evidence[0].ref", (java.util.function.Consumer<Map<String, Object>>) c -> c.put("evidence",
                        List.of(Map.of("type", "sales_ledger", "ref", "doc" + NUL)))},
                new Object[]{"businessName", (java.util.function.Consumer<Map<String, Object>>) c -> c.put("businessName", false)},
                new Object[]{"reportedLoss", (java.util.function.Consumer<Map<String, Object>>) c -> c.put("reportedLoss", "300000")});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileClaims")
    void aHostileClaimIsRefusedByField(String field, java.util.function.Consumer<Map<String, Object>> spoil) {
        Map<String, Object> body = new HashMap<>(Claims.taxi(9, 300_000));
        spoil.accept(body);
        given().auth().oauth2(Tokens.businessOwner("owner-9", "Owner 9", Claims.businessNumber(9))).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .when().post("/api/v1/programs/{id}/claims", program)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "malformed-body"))
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void aNulInAProgramNameIsRefused() {
        Map<String, Object> body = new HashMap<>(Programs.fire2022());
        body.put("name", "Support" + NUL);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/programs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("name"));
    }

    @Test
    void aNulInAReviewReasonAndFalseAsAnEvidenceTypeAreRefused() {
        given().auth().oauth2(Tokens.reviewer()).contentType(ContentType.JSON)
                .body(Map.of("decision", "request_evidence", "reason", "need" + NUL))
                .when().post("/api/v1/claims/{id}/review", claim)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(Tokens.reviewer()).contentType(ContentType.JSON)
                .body("{\"decision\":\"request_evidence\",\"reason\":\"need the ledger\",\"evidenceTypes\":[false]}")
                .when().post("/api/v1/claims/{id}/review", claim)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("evidenceTypes[0]"))
                .body("errors[0].message", containsString("must be a string"));
    }

    @Test
    void aNulInASettlementReferenceOrReasonIsRefused() {
        String approver = Tokens.withRoles("approver@example.com", "payout-approver");
        for (String item : List.of(
                "{\"claimId\":\"" + claim + "\",\"result\":\"paid\",\"bankReference\":\"ref\\u0000\"}",
                "{\"claimId\":\"" + claim + "\",\"result\":\"failed\",\"failureReason\":\"closed\\u0000\"}")) {
            given().auth().oauth2(approver).contentType(ContentType.JSON).body("{\"items\":[" + item + "]}")
                    .header("Approval-Id", PayoutApprovals.settle(UUID.randomUUID(), approver)).when().post("/api/v1/payout-batches/{id}/settlement", UUID.randomUUID())
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", containsString("items[0]."));
        }
    }

    @Test
    void aBaselineLineThatIsNotUtf8OrHoldsANulIsRejectedByItsNumberAndTheOthersAreStored() {
        String header = "business_registration_number,business_name,category,service,daily_sales_krw\n";
        byte[] latin1 = (Claims.businessNumber(21) + ",Caf\u00e9,taxi,kakaot,300000\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] nul = (Claims.businessNumber(22) + ",Taxi" + NUL + ",taxi,kakaot,300000\n").getBytes(StandardCharsets.UTF_8);
        byte[] good = (Claims.businessNumber(23) + ",택시,taxi,kakaot,300000\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream upload = new java.io.ByteArrayOutputStream();
        upload.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        upload.writeBytes(latin1);
        upload.writeBytes(nul);
        upload.writeBytes(good);
        given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(upload.toByteArray())
                .when().post("/api/v1/programs/{id}/baselines", program)
                .then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(2))
                .body("rejections.line", equalTo(List.of(2, 3)))
                .body("rejections[0].reason", containsString("not valid UTF-8"))
                .body("rejections[1].reason", containsString("U+0000"));
        assertThat(Database.texts("select business_name from business_baseline")).containsExactly("택시");
        before = Database.rowCounts(); // the good line was meant to be stored
    }
}
