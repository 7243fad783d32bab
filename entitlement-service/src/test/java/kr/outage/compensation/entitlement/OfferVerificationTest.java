package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** The public registry and "is this compensation real?", with the fake 1000-day pass of 2019. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class OfferVerificationTest {

    @BeforeEach
    void campaigns() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        Campaigns.define(Campaigns.music("MELON-2022-1015"));
        Campaigns.define(Campaigns.giftPack("KAKAO-1015-GIFT", 3_000_000));
    }

    @Test
    void theRegistryListsWhatEachOfficialCompensationGivesWithoutLogin() {
        given().when().get("/api/v1/public/compensations").then().statusCode(200)
                .body("code", hasItems("MELON-2022-1015", "KAKAO-1015-GIFT"))
                .body("find { it.code == 'MELON-2022-1015' }.offers[0].remedies[0].days", equalTo(3))
                .body("find { it.code == 'KAKAO-1015-GIFT' }.claimDeadline", equalTo("2023-01-20T14:59:59Z"))
                .body("find { it.code == 'KAKAO-1015-GIFT' }.status", equalTo("official"))
                .body(not(containsString("createdBy")));
    }

    @Test
    void theFakeThousandDayPassIsNotOfficial() {
        for (String offer : new String[]{"1000-day free streaming pass", "멜론 1000일 무료 이용권 지급! 지금 링크 클릭"}) {
            given().queryParam("offer", offer).when().get("/api/v1/public/compensations/verify").then().statusCode(200)
                    .body("verdict", equalTo("not_official")).body("official", equalTo(false))
                    .body("understood.days", equalTo(java.util.List.of(1000))).body("matches.size()", equalTo(0));
        }
        given().queryParam("code", "MELON-1000DAY-FREE").when().get("/api/v1/public/compensations/verify").then()
                .statusCode(200).body("verdict", equalTo("not_official"));
    }

    @Test
    void theRealOffersAreRecognisedAndNamed() {
        given().queryParam("offer", "멜론 이용권 3일 연장").when().get("/api/v1/public/compensations/verify").then()
                .statusCode(200).body("verdict", equalTo("official")).body("matches[0].code", equalTo("MELON-2022-1015"));
        given().queryParam("offer", "in-app cash of 1,500 won").when().get("/api/v1/public/compensations/verify").then()
                .statusCode(200).body("verdict", equalTo("official")).body("matches[0].code", equalTo("MELON-2022-1015"));
        given().queryParam("offer", "톡서랍 플러스 1개월 이용권 + 쇼핑 쿠폰 3,000원").when().get("/api/v1/public/compensations/verify")
                .then().statusCode(200).body("verdict", equalTo("official")).body("matches[0].code", equalTo("KAKAO-1015-GIFT"));
        given().queryParam("code", "melon-2022-1015").when().get("/api/v1/public/compensations/verify").then()
                .statusCode(200).body("verdict", equalTo("official")).body("messageKo", containsString("공식 보상입니다"));
    }

    @Test
    void vagueOrMissingInputIsAnsweredClearly() {
        given().queryParam("offer", "free gift from the company").when().get("/api/v1/public/compensations/verify").then()
                .statusCode(200).body("verdict", equalTo("unknown")).body("matches.size()", equalTo(2));
        given().when().get("/api/v1/public/compensations/verify").then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("invalid-parameter"));
        given().queryParam("code", "X").queryParam("offer", "3 days").when().get("/api/v1/public/compensations/verify")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
