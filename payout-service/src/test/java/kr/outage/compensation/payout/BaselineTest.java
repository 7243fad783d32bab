package kr.outage.compensation.payout;

import kr.outage.compensation.payout.support.Owners;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kr.outage.compensation.payout.support.Claims;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.MovableClock;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The low-friction path: the platform's own baseline sales replace documents for claims under the threshold. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class BaselineTest {

    static final String HEADER = "business_registration_number,business_name,category,service,daily_sales_krw\n";
    final String operator = Tokens.operator();
    String program;

    @BeforeEach
    void programWithBaselines() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        MovableClock.INSTANCE.reset();
        program = Programs.create(Programs.fire2022());
    }

    String importCsv(String csv) {
        return given().auth().oauth2(operator).contentType("text/csv").body(csv)
                .when().post("/api/v1/programs/{id}/baselines", program).then().statusCode(200).extract().asString();
    }

    @Test
    void goodRowsAreStoredAndBadOnesReportedByLine() {
        String csv = HEADER
                + Claims.businessNumber(1) + ",Hangang Taxi,taxi,kakaot,200000\n"
                + Claims.businessNumber(2) + ",\"Kim's Kitchen, Mapo\",restaurant,kakaotalk,300000\n"
                + "123-45-67890,Bad Check Digit,taxi,kakaot,100000\n"
                + Claims.businessNumber(3) + ",Casino,casino,kakaot,100000\n"
                + Claims.businessNumber(4) + ",Webtoons,retail,kakaowebtoon,100000\n"
                + Claims.businessNumber(5) + ",Refund,retail,kakaot,-5\n"
                + Claims.businessNumber(6) + ",Too few fields\n"
                + "\n"
                + Claims.businessNumber(7) + ",Seoul Mart,retail,kakaotalk,150000\n";
        given().auth().oauth2(operator).contentType("text/csv").body(csv)
                .when().post("/api/v1/programs/{id}/baselines", program).then().statusCode(200)
                .body("accepted", equalTo(3))
                .body("rejected", equalTo(5))
                .body("rejections.line", contains(4, 5, 6, 7, 8));
        assertThat(Database.count("select count(*) from business_baseline")).isEqualTo(3);
        assertThat(Database.count("select count(*) from business_baseline where business_name = 'Kim''s Kitchen, Mapo'")).isOne();
    }

    @Test
    void aFileWithTheWrongHeaderChangesNothing() {
        given().auth().oauth2(operator).contentType("text/csv").body("brn,name\n" + Claims.businessNumber(1) + ",x\n")
                .when().post("/api/v1/programs/{id}/baselines", program).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        given().auth().oauth2(operator).contentType("text/csv").body("")
                .when().post("/api/v1/programs/{id}/baselines", program).then().statusCode(400);
        given().auth().oauth2(Tokens.reviewer()).contentType("text/csv").body(HEADER)
                .when().post("/api/v1/programs/{id}/baselines", program).then().statusCode(403);
        given().auth().oauth2(operator).contentType("text/csv").body(HEADER)
                .when().post("/api/v1/programs/{id}/baselines", UUID.randomUUID()).then().statusCode(404);
        assertThat(Database.count("select count(*) from business_baseline")).isZero();
    }

    @Test
    void aBusinessWithABaselineClaimsWithoutAFigureOrDocuments() {
        importCsv(HEADER + Claims.businessNumber(1) + ",Hangang Taxi,taxi,kakaot,200000\n"
                + Claims.businessNumber(2) + ",Kim's Kitchen,restaurant,kakaotalk,300000\n"
                + Claims.businessNumber(3) + ",Big Restaurant,restaurant,kakaotalk,600000\n");

        Map<String, Object> taxi = Claims.taxi(1, 1);
        taxi.remove("reportedLoss");
        String taxiClaim = Claims.file(program, taxi, "owner-1");
        // 200,000/day x 103,260 s / 86,400 = 239,027; x 0.5 x 0.8 x 0.8 = 76,488 -> tier 1
        given().auth().oauth2(Tokens.reviewer()).get("/api/v1/claims/{id}", taxiClaim).then()
                .body("state", equalTo("approved"))
                .body("reportedLoss", nullValue())
                .body("assessment.basedOn", equalTo("baseline"))
                .body("assessment.assessedLoss", equalTo(76_488))
                .body("assessment.supportAmount", equalTo(30_000));

        Map<String, Object> kitchen = Claims.restaurant(2, 1);
        kitchen.remove("reportedLoss");
        kitchen.remove("evidence");
        String kitchenClaim = Claims.file(program, kitchen, "owner-2");
        // 300,000/day x 459,000 s / 86,400 = 1,593,750; x 0.3 x 0.8 x 0.9 = 344,250 -> tier 2, no sales statement needed
        given().auth().oauth2(Tokens.reviewer()).get("/api/v1/claims/{id}", kitchenClaim).then()
                .body("state", equalTo("approved"))
                .body("assessment.tier", equalTo(2))
                .body("missingEvidence", equalTo(java.util.List.of()));

        Map<String, Object> big = Claims.restaurant(3, 1);
        big.remove("reportedLoss");
        String bigClaim = Claims.file(program, big, "owner-3");
        // 600,000/day -> 688,500 assessed: above the threshold, the committee decides
        given().auth().oauth2(Tokens.reviewer()).get("/api/v1/claims/{id}", bigClaim).then()
                .body("state", equalTo("awaiting_review"))
                .body("assessment.assessedLoss", equalTo(688_500));
    }

    @Test
    void withoutABaselineTheReportedLossIsRequired() {
        Map<String, Object> claim = Claims.taxi(9, 1);
        claim.remove("reportedLoss");
        given().auth().oauth2(Owners.of("owner-9", claim)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "k").body(claim)
                .when().post("/api/v1/programs/{id}/claims", program).then().statusCode(400)
                .body("errors[0].field", equalTo("reportedLoss"));
        assertThat(Database.count("select count(*) from claim")).isZero();
    }

    @Test
    void affectedBusinessesThatHaveNotClaimedAreListedLargestFirst() {
        importCsv(HEADER + Claims.businessNumber(1) + ",Small Taxi,taxi,kakaot,100000\n"
                + Claims.businessNumber(2) + ",Big Restaurant,restaurant,kakaotalk,900000\n"
                + Claims.businessNumber(3) + ",Mid Mart,retail,kakaotalk,400000\n");
        Map<String, Object> claim = Claims.restaurant(2, 1);
        claim.remove("reportedLoss");
        Claims.file(program, claim, "owner-2");
        given().auth().oauth2(Tokens.reviewer()).when().get("/api/v1/programs/{id}/baselines/unclaimed", program)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.businessName", contains("Mid Mart", "Small Taxi"))
                .body("items[0].dailySales", equalTo(400_000));
        given().auth().oauth2(Tokens.businessOwner("someone")).when().get("/api/v1/programs/{id}/baselines/unclaimed", program)
                .then().statusCode(403);
    }
}
