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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A claim names the platforms its business sold through, and is assessed on the service's impaired
 * time there only: the 2019 mobile-only outage (50 minutes on mobile, nothing on web or PC), and the
 * 2022 fire, whose KakaoTalk windows on mobile and web overlap and are counted once.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class PlatformClaimTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";

    @BeforeEach
    void setUp() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
    }

    @AfterEach
    void clock() {
        MovableClock.INSTANCE.reset();
    }

    @Test
    void theMobileOnlyOutageCoversMobileSellersOnly() {
        String program = Programs.create(Programs.genie2019());
        MovableClock.INSTANCE.set(Instant.parse("2019-02-14T01:00:00Z"));
        String mobile = file(program, genieClaim(1, "mobile"), 201).extract().path("id");
        given().auth().oauth2(Tokens.reviewer()).get("/api/v1/claims/{id}", mobile).then().statusCode(200)
                .body("platforms", equalTo(List.of("mobile")))
                .body("assessment.impairedSeconds", equalTo((int) IncidentServiceStub.GENIE_MOBILE_SECONDS))
                .body("assessment.formula", containsString("impaired 3000 s on mobile"));

        var before = Database.rowCounts();
        for (String platforms : new String[]{"web", "pc", "web,pc"}) {
            file(program, genieClaim(2, platforms.split(",")), 422).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "service-not-covered"))
                    .body("errors[0].field", equalTo("platforms"))
                    .body("errors[0].message", containsString("not impaired on " + platforms.replace(",", ", ")));
        }
        assertThat(Database.rowCounts()).isEqualTo(before);
        // a business selling through both is assessed on the mobile time: web adds nothing
        file(program, genieClaim(3, "mobile", "web"), 201).body("assessment.impairedSeconds", equalTo(3000));
    }

    @Test
    void overlappingWindowsOnTwoPlatformsCountOnce() {
        String program = Programs.create(Programs.fire2022());
        MovableClock.INSTANCE.set(Instant.parse("2022-10-25T01:00:00Z"));
        Map<String, Object> both = Claims.restaurant(1, 300_000);
        both.put("platforms", List.of("mobile", "web"));
        file(program, both, 201).body("assessment.impairedSeconds", equalTo((int) IncidentServiceStub.KAKAOTALK_SECONDS))
                .body("assessment.formula", containsString("union of the platforms' windows"));
        assertThat(IncidentServiceStub.KAKAOTALK_MOBILE_SECONDS + IncidentServiceStub.KAKAOTALK_WEB_SECONDS)
                .as("the sum would count 27.5 h twice").isGreaterThan(IncidentServiceStub.KAKAOTALK_SECONDS);

        Map<String, Object> web = Claims.restaurant(2, 300_000);
        web.put("platforms", List.of("web"));
        file(program, web, 201).body("assessment.impairedSeconds", equalTo((int) IncidentServiceStub.KAKAOTALK_WEB_SECONDS));

        Map<String, Object> unsaid = Claims.restaurant(3, 300_000);
        file(program, unsaid, 201).body("platforms", equalTo(List.of("all")))
                .body("assessment.impairedSeconds", equalTo((int) IncidentServiceStub.KAKAOTALK_SECONDS));
    }

    /**
     * A baseline split across platforms: each platform's share of the daily sales times that platform's
     * own impaired time (KakaoTalk: mobile 100 h, web 77 h 30 min, PC none), rounded down per platform.
     */
    @Test
    void aBaselineSplitAcrossPlatformsCountsEachPlatformsOwnTime() {
        String program = Programs.create(Programs.fire2022());
        MovableClock.INSTANCE.set(Instant.parse("2022-10-25T01:00:00Z"));
        String header = "business_registration_number,business_name,category,service,daily_sales_krw,"
                + "daily_sales_mobile_krw,daily_sales_web_krw,daily_sales_pc_krw\n";
        given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(header
                        + Claims.businessNumber(50) + ",Split Kitchen,restaurant,kakaotalk,400000,300000,100000,0\n"
                        + Claims.businessNumber(51) + ",PC Cafe,restaurant,kakaotalk,50000,0,0,50000\n"
                        + Claims.businessNumber(52) + ",Wrong Sum,restaurant,kakaotalk,400000,300000,50000,0\n"
                        + Claims.businessNumber(53) + ",Negative,restaurant,kakaotalk,100000,150000,-50000,0\n"
                        + Claims.businessNumber(54) + ",Short,restaurant,kakaotalk,400000,300000\n")
                .when().post("/api/v1/programs/{id}/baselines", program).then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(3))
                .body("rejections.line", equalTo(List.of(4, 5, 6)))
                .body("rejections[0].reason", containsString("add up to daily_sales_krw"));

        Map<String, Object> claim = new HashMap<>(Map.of("businessRegistrationNumber", Claims.businessNumber(50),
                "businessName", "Split Kitchen", "category", "restaurant", "service", "kakaotalk",
                "bankAccount", Map.of("bank", "KB", "accountNumber", "100-200-300", "holder", "Owner")));
        // 300,000 x 360,000 / 86,400 = 1,250,000 on mobile; 100,000 x 279,000 / 86,400 = 322,916 on web; PC sold nothing
        long basis = 1_250_000 + 322_916;
        file(program, claim, 201).body("assessment.basedOn", equalTo("baseline"))
                .body("assessment.assessedLoss", equalTo((int) new java.math.BigDecimal(basis)
                        .multiply(new java.math.BigDecimal("0.216")).longValue()))
                .body("assessment.formula", containsString("mobile 300,000 KRW/day x 360000 s"))
                .body("assessment.formula", containsString("web 100,000 KRW/day x 279000 s"))
                .body("assessment.formula", containsString("pc 0 KRW/day x 0 s"));

        // selling only on PC, which was never impaired: nothing to compensate
        Map<String, Object> pcOnly = new HashMap<>(claim);
        pcOnly.put("businessRegistrationNumber", Claims.businessNumber(51));
        var before = Database.rowCounts();
        file(program, pcOnly, 422).body("type", equalTo(PROBLEMS + "service-not-covered"))
                .body("errors[0].field", equalTo("platforms"));
        assertThat(Database.rowCounts()).isEqualTo(before);
    }

    @Test
    void platformListsThatMakeNoSenseAreRefusedAndNothingIsStored() {
        String program = Programs.create(Programs.fire2022());
        MovableClock.INSTANCE.set(Instant.parse("2022-10-25T01:00:00Z"));
        var before = Database.rowCounts();
        for (Object platforms : Arrays.asList(List.of("all", "mobile"), List.of("mobile", "mobile"), List.of(),
                Arrays.asList("mobile", null), List.of("mobile", "web", "pc", "all"))) {
            Map<String, Object> claim = Claims.restaurant(9, 300_000);
            claim.put("platforms", platforms);
            file(program, claim, 400).contentType("application/problem+json")
                    .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("platforms")));
        }
        // not a list of platform names at all: refused as a malformed body
        for (Object platforms : Arrays.asList(List.of("tablet"), "mobile", List.of(1), Map.of("mobile", true))) {
            Map<String, Object> claim = Claims.restaurant(9, 300_000);
            claim.put("platforms", platforms);
            file(program, claim, 400).contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.anyOf(equalTo(PROBLEMS + "malformed-body"), equalTo(PROBLEMS + "validation-failed")));
        }
        assertThat(Database.rowCounts()).isEqualTo(before);
    }

    private static Map<String, Object> genieClaim(int n, String... platforms) {
        Map<String, Object> claim = new HashMap<>();
        claim.put("businessRegistrationNumber", Claims.businessNumber(n));
        claim.put("businessName", "Record shop " + n);
        claim.put("category", "music_store");
        claim.put("service", "genie");
        claim.put("platforms", List.of(platforms));
        claim.put("reportedLoss", 200_000);
        claim.put("bankAccount", Map.of("bank", "Woori", "accountNumber", "1002-000-" + n, "holder", "Owner " + n));
        return claim;
    }

    private static io.restassured.response.ValidatableResponse file(String program, Map<String, Object> claim, int status) {
        return given().auth().oauth2(Owners.of("shop-owner", claim)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(claim)
                .when().post("/api/v1/programs/{id}/claims", program).then().statusCode(status);
    }
}
