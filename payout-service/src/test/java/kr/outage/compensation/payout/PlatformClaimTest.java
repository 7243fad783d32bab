package kr.outage.compensation.payout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kr.outage.compensation.payout.support.Claims;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.payout.support.TestClock;
import kr.outage.compensation.payout.support.Tokens;
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
        TestClock.INSTANCE.reset();
    }

    @Test
    void theMobileOnlyOutageCoversMobileSellersOnly() {
        String program = Programs.create(Programs.genie2019());
        TestClock.INSTANCE.set(Instant.parse("2019-02-14T01:00:00Z"));
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
        TestClock.INSTANCE.set(Instant.parse("2022-10-25T01:00:00Z"));
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

    @Test
    void platformListsThatMakeNoSenseAreRefusedAndNothingIsStored() {
        String program = Programs.create(Programs.fire2022());
        TestClock.INSTANCE.set(Instant.parse("2022-10-25T01:00:00Z"));
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
        return given().auth().oauth2(Tokens.businessOwner("shop-owner")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(claim)
                .when().post("/api/v1/programs/{id}/claims", program).then().statusCode(status);
    }
}
