package kr.outage.compensation.payout;

import kr.outage.compensation.payout.support.BankGatewayStub;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.MovableClock;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class ClaimIntakeTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    /** Valid numbers: office 123 and 220, kinds 45 (individual) and 81 (corporation), non-zero serials, check digits. */
    static final String TAXI_DRIVER = "123-45-67891";
    static final String RESTAURANT = "220-81-62517";

    String program;
    /** Kim Minsu, who runs both businesses, signed in with their certificate. */
    String owner = Tokens.businessOwner("owner-1@example.com", "Kim Minsu", TAXI_DRIVER, RESTAURANT);

    @BeforeEach
    void programExists() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        MovableClock.INSTANCE.reset();
        program = Programs.create(Programs.fire2022());
        BankGatewayStub.knowsNothing();
        BankGatewayStub.opens("123-456-789012", "Kim Minsu");
    }

    @AfterEach
    void resetClock() {
        MovableClock.INSTANCE.reset();
    }

    static Map<String, Object> taxiClaim(long reportedLoss) {
        Map<String, Object> claim = new HashMap<>();
        claim.put("businessRegistrationNumber", TAXI_DRIVER);
        claim.put("businessName", "Hangang Taxi");
        claim.put("category", "taxi");
        claim.put("service", "kakaot");
        claim.put("reportedLoss", reportedLoss);
        claim.put("lossBasis", "Average Saturday and Sunday fares, October 2022");
        claim.put("bankAccount", Map.of("bank", "KB Kookmin", "accountNumber", "123-456-789012", "holder", "Kim Minsu"));
        return claim;
    }

    Response file(Object claim, String key) {
        return given().auth().oauth2(owner).contentType(ContentType.JSON).header("Idempotency-Key", key).body(claim)
                .when().post("/api/v1/programs/{id}/claims", program);
    }

    @Test
    void aSmallClaimIsAssessedAndApprovedByRule() {
        String id = file(taxiClaim(300_000), "k-1").then().statusCode(201)
                .header("Location", endsWith("/api/v1/claims/" + given().auth().oauth2(Tokens.reviewer())
                        .get("/api/v1/programs/{id}/claims", program).path("items[0].id")))
                .body("state", equalTo("approved"))
                .body("businessRegistrationNumber", equalTo(TAXI_DRIVER))
                .body("assessment.impairedSeconds", equalTo((int) IncidentServiceStub.KAKAOT_SECONDS))
                .body("assessment.plausibleCap", equalTo(478_055))
                .body("assessment.capped", equalTo(false))
                // 300,000 x 0.5 x 0.8 x 0.8 = 96,000 -> tier 1
                .body("assessment.assessedLoss", equalTo(96_000))
                .body("assessment.tier", equalTo(1))
                .body("assessment.supportAmount", equalTo(30_000))
                .body("bankAccount.accountNumberMasked", equalTo("********9012"))
                .extract().path("id");
        // stored encrypted, shown masked
        assertThat(Database.count("select count(*) from claim where id = '" + id + "' and bank_account like 'enc1:%' "
                + "and bank_account not like '%789012%' and account_holder like 'enc1:%' and bank_account_masked = '********9012'"))
                .isOne();
    }

    @Test
    void aLargeClaimWaitsForTheCommittee() {
        Map<String, Object> claim = taxiClaim(10_000_000);
        claim.put("businessRegistrationNumber", RESTAURANT);
        claim.put("category", "restaurant");
        claim.put("service", "kakaotalk");
        claim.put("evidence", List.of(Map.of("type", "sales_ledger", "ref", "s3://claims/ledger-1.pdf")));
        file(claim, "k-big").then().statusCode(201)
                .body("state", equalTo("awaiting_review"))
                // 10,000,000 x 0.3 x 0.8 x 0.9 = 2,160,000 > 500,000
                .body("assessment.assessedLoss", equalTo(2_160_000))
                .body("assessment.needsCommitteeReview", equalTo(true))
                .body("assessment.tier", nullValue())
                .body("assessment.supportAmount", nullValue())
                .body("missingEvidence", equalTo(List.of("tax_invoice")));
    }

    @Test
    void replayWithTheSameKeyReturnsTheFirstResponse() {
        Response first = file(taxiClaim(300_000), "same-key");
        first.then().statusCode(201);
        Response replay = file(taxiClaim(300_000), "same-key");
        replay.then().statusCode(201).header("Location", equalTo(first.header("Location")));
        assertThat(replay.asString()).isEqualTo(first.asString());
        assertThat(Database.count("select count(*) from claim")).isOne();
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefused() {
        file(taxiClaim(300_000), "reused").then().statusCode(201);
        file(taxiClaim(350_000), "reused").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        assertThat(Database.count("select count(*) from claim")).isOne();
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneClaim() throws Exception {
        List<Response> responses = concurrently(16, i -> file(taxiClaim(300_000), "one-key"));
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(responses.stream().map(Response::asString).distinct()).hasSize(1);
        assertThat(Database.count("select count(*) from claim")).isOne();
    }

    @Test
    void aSecondClaimForTheSameBusinessAndServiceIsAConflict() {
        String first = file(taxiClaim(300_000), "a").then().statusCode(201).extract().path("id");
        file(taxiClaim(250_000), "b").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "duplicate-claim"))
                .body("existingClaim", equalTo("/api/v1/claims/" + first));
        Map<String, Object> otherService = taxiClaim(250_000);
        otherService.put("service", "kakaotalk");
        file(otherService, "c").then().statusCode(201);
        assertThat(Database.count("select count(*) from claim")).isEqualTo(2);
        assertThat(Database.count("select count(*) from idempotency_record")).isEqualTo(2);
    }

    @Test
    void concurrentClaimsForOneBusinessWithDifferentKeysCreateOneClaim() throws Exception {
        List<Response> responses = concurrently(16, i -> file(taxiClaim(300_000), "key-" + i));
        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.statusCode() == 409)).hasSize(15);
        assertThat(Database.count("select count(*) from claim")).isOne();
    }

    @Test
    void theIntakeWindowIsEnforcedToTheSecondInKoreanTime() {
        MovableClock.INSTANCE.set(OffsetDateTime.parse("2022-11-06T23:59:59+09:00").toInstant());
        file(taxiClaim(300_000), "last-second").then().statusCode(201);

        Map<String, Object> late = taxiClaim(300_000);
        late.put("businessRegistrationNumber", RESTAURANT);
        MovableClock.INSTANCE.set(OffsetDateTime.parse("2022-11-07T00:00:00+09:00").toInstant());
        file(late, "first-second-after").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "intake-closed"))
                .body("intakeClosesAt", equalTo("2022-11-06T15:00:00Z"));
        MovableClock.INSTANCE.set(OffsetDateTime.parse("2022-10-18T23:59:59+09:00").toInstant());
        file(late, "before-opening").then().statusCode(422).body("type", equalTo(PROBLEMS + "intake-closed"));
        assertThat(Database.count("select count(*) from claim")).isOne();
        assertThat(Database.count("select count(*) from idempotency_record")).isOne();
    }

    @Test
    void badClaimsAreRefusedAndNothingIsStored() {
        Map<String, Long> before = Database.rowCounts();
        record Case(String field, Object value, int status) { }
        List<Case> cases = List.of(
                new Case("businessRegistrationNumber", "123-45-67890", 400),
                new Case("businessRegistrationNumber", "12-345-67891", 400),
                new Case("businessRegistrationNumber", "000-00-00000", 400),
                new Case("businessRegistrationNumber", "100-45-67898", 400),
                new Case("businessRegistrationNumber", "123-00-67890", 400),
                new Case("businessRegistrationNumber", "123-45-00003", 400),
                new Case("category", "casino", 400),
                new Case("category", "Taxi!", 400),
                new Case("service", "kakaobank", 422),
                new Case("reportedLoss", 0, 400),
                new Case("reportedLoss", -5, 400),
                new Case("reportedLoss", 1500.5, 400),
                new Case("reportedLoss", "a lot", 400),
                new Case("bankAccount", null, 400),
                new Case("bankAccount", Map.of("bank", "KB", "accountNumber", "abc", "holder", "K"), 400),
                new Case("businessName", "n".repeat(201), 400),
                new Case("lossBasis", "b".repeat(2001), 400));
        // the refusal says what is wrong, with an example that is itself valid
        Map<String, Object> noOffice = taxiClaim(300_000);
        noOffice.put("businessRegistrationNumber", "000-00-00000");
        file(noOffice, UUID.randomUUID().toString()).then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("name no tax office"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("e.g. 220-81-62517"));
        assertThat(kr.outage.compensation.payout.domain.BusinessRegistrationNumber.parse("220-81-62517")).isPresent();
        for (Case c : cases) {
            Map<String, Object> claim = taxiClaim(300_000);
            claim.put(c.field(), c.value());
            file(claim, UUID.randomUUID().toString()).then().statusCode(c.status()).contentType("application/problem+json")
                    .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith(c.field())));
        }
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(taxiClaim(300_000))
                .when().post("/api/v1/programs/{id}/claims", program)
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        given().auth().oauth2(owner).contentType(ContentType.JSON).header("Idempotency-Key", "x").body("{not json")
                .when().post("/api/v1/programs/{id}/claims", program)
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "malformed-body"));
        given().auth().oauth2(owner).contentType(ContentType.JSON).header("Idempotency-Key", "y").body(taxiClaim(300_000))
                .when().post("/api/v1/programs/{id}/claims", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "z").body(taxiClaim(300_000))
                .when().post("/api/v1/programs/{id}/claims", program)
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(Database.rowCounts()).isEqualTo(before);
    }

    @Test
    void aServiceThatIncidentServiceNoLongerReportsImpairedIsRefused() {
        // the incident's timeline was corrected after the program was defined: Kakao T was never down
        IncidentServiceStub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/incidents/" + IncidentServiceStub.FIRE + "/impact/check"))
                .withQueryParam("service", com.github.tomakehurst.wiremock.client.WireMock.equalTo("kakaot")).atPriority(0)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"service\":\"kakaot\",\"affected\":true,\"everImpaired\":false,\"totalImpairedSeconds\":0}")));
        file(taxiClaim(300_000), "k").then().statusCode(422).body("type", equalTo(PROBLEMS + "service-not-covered"));
        assertThat(Database.count("select count(*) from claim")).isZero();
    }

    @Test
    void whileIncidentServiceIsDownClaimsAreRefusedWithRetryAfterAndNotStored() {
        IncidentServiceStub.failing();
        file(taxiClaim(300_000), "while-down").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", equalTo(PROBLEMS + "incident-service-unavailable"));
        assertThat(Database.count("select count(*) from claim")).isZero();
        assertThat(Database.count("select count(*) from idempotency_record")).isZero();
        // when it is back, the same request with the same key goes through
        IncidentServiceStub.stubTheFire();
        file(taxiClaim(300_000), "while-down").then().statusCode(201);
    }

    @Test
    void aClaimIsVisibleToItsFilerAndToStaffOnly() {
        String id = file(taxiClaim(300_000), "mine").then().statusCode(201).extract().path("id");
        given().auth().oauth2(owner).when().get("/api/v1/claims/{id}", id).then().statusCode(200)
                .body("businessName", equalTo("Hangang Taxi"));
        given().auth().oauth2(Tokens.reviewer()).when().get("/api/v1/claims/{id}", id).then().statusCode(200);
        given().auth().oauth2(Tokens.businessOwner("someone-else@example.com")).when().get("/api/v1/claims/{id}", id)
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/claims/{id}", id).then().statusCode(401);
        given().auth().oauth2(owner).when().get("/api/v1/programs/{id}/claims", program).then().statusCode(403);
        given().auth().oauth2(Tokens.reviewer()).queryParam("state", "approved")
                .when().get("/api/v1/programs/{id}/claims", program).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(Tokens.reviewer()).queryParam("state", "lost")
                .when().get("/api/v1/programs/{id}/claims", program).then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
    }

    interface Call {
        Response call(int i) throws Exception;
    }

    static List<Response> concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Response>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                tasks.add(() -> call.call(index));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(tasks)) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
