package kr.outage.compensation.payout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kr.outage.compensation.payout.support.BankGatewayStub;
import kr.outage.compensation.payout.support.Claims;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.MovableClock;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

/**
 * Who may claim for which business, and into whose account support is paid: the owner of a business
 * proven by their sign-in, or claims staff with a recorded reason; an account the bank says belongs
 * to the business or its representative. Every refusal stores nothing.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class ClaimOwnershipTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    /** The bakery of 220-81-62517, a corporation; its representative is Lee Seoyeon. */
    static final String BAKERY = "220-81-62517";
    static final String BAKERY_ACCOUNT = "1002-123-456789";
    static final String OWNER_ACCOUNT = "356-910-111222";

    String program;
    final String owner = Tokens.businessOwner("lee@bakery.example", "이서연", BAKERY);

    @BeforeEach
    void programExists() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        MovableClock.INSTANCE.reset();
        program = Programs.create(Programs.fire2022());
        BankGatewayStub.knowsNothing();
        BankGatewayStub.opens(BAKERY_ACCOUNT, "(주)판교베이커리");
        BankGatewayStub.opens(OWNER_ACCOUNT, "이서연");
        BankGatewayStub.opens("110-555-000001", "박도윤");
    }

    static Map<String, Object> bakeryClaim(String accountNumber) {
        Map<String, Object> claim = new HashMap<>();
        claim.put("businessRegistrationNumber", BAKERY);
        claim.put("businessName", "판교베이커리 주식회사");
        claim.put("category", "restaurant");
        claim.put("service", "kakaotalk");
        claim.put("reportedLoss", 100_000);
        claim.put("bankAccount", Map.of("bank", "Woori", "accountNumber", accountNumber, "holder", "판교베이커리"));
        return claim;
    }

    private Response file(String token, Object claim) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(claim).when().post("/api/v1/programs/{id}/claims", program);
    }

    /** A refusal with this problem type that stored and changed nothing, and asked the bank nothing when it says so. */
    private void refusedWithNothingStored(Response answer, int status, String type, boolean bankAsked) {
        answer.then().statusCode(status).contentType("application/problem+json").body("type", equalTo(PROBLEMS + type));
        assertThat(Database.count("select count(*) from claim")).isZero();
        assertThat(Database.count("select count(*) from idempotency_record")).isZero();
        if (!bankAsked) {
            assertThat(BankGatewayStub.inquiries()).isZero();
        }
    }

    @Test
    void theOwnerFilesForTheirBusinessIntoTheBusinessAccountAndTheBanksHolderIsKept() {
        String id = file(owner, bakeryClaim(BAKERY_ACCOUNT)).then().statusCode(201)
                .body("bankAccount.holder", equalTo("(주)판교베이커리")).extract().path("id");
        assertThat(Database.text("select filed_as from claim")).isEqualTo("owner");
        assertThat(Database.count("select count(*) from claim where account_checked_at is not null and on_behalf_reason is null")).isEqualTo(1);
        given().auth().oauth2(owner).get("/api/v1/claims/{id}", id).then().statusCode(200);
    }

    @Test
    void theOwnerMayBePaidIntoTheirOwnAccount() {
        file(owner, bakeryClaim(OWNER_ACCOUNT)).then().statusCode(201).body("bankAccount.holder", equalTo("이서연"));
    }

    @Test
    void aSignedInPersonWithoutTheBusinessIsRefused() {
        Map<String, Object> claim = bakeryClaim(BAKERY_ACCOUNT);
        // any valid token, no business role: the attack of the black-box review
        refusedWithNothingStored(file(Tokens.subscriber("user-77"), claim), 403, "forbidden", false);
        // a business owner whose certificate carries other businesses
        String otherOwner = Tokens.businessOwner("park@shop.example", "박도윤", Claims.businessNumber(5));
        Response answer = file(otherOwner, claim);
        refusedWithNothingStored(answer, 403, "business-not-yours", false);
        assertThat(answer.asString()).contains("220-81-62517");
        // a business owner with no business verified at all
        refusedWithNothingStored(file(Tokens.businessOwner("nobody@example.com"), claim), 403, "business-not-yours", false);
    }

    @Test
    void anAccountOfSomeoneElseIsRefusedWithoutSayingWhoseItIs() {
        Response answer = file(owner, bakeryClaim("110-555-000001"));
        refusedWithNothingStored(answer, 422, "account-holder-mismatch", true);
        assertThat(answer.asString()).doesNotContain("박도윤");
        // the holder named in the form is not what counts
        Map<String, Object> claim = bakeryClaim("110-555-000001");
        claim.put("bankAccount", Map.of("bank", "Woori", "accountNumber", "110-555-000001", "holder", "이서연"));
        refusedWithNothingStored(file(owner, claim), 422, "account-holder-mismatch", true);
    }

    @Test
    void anAccountTheBankDoesNotKnowIsRefused() {
        refusedWithNothingStored(file(owner, bakeryClaim("999-000-000000")), 422, "account-not-found", true);
    }

    @Test
    void whileTheBankCannotAnswerNothingIsStoredAndTheRetryFiles() {
        BankGatewayStub.failing();
        Response down = given().auth().oauth2(owner).contentType(ContentType.JSON).header("Idempotency-Key", "bank-down")
                .body(bakeryClaim(BAKERY_ACCOUNT)).when().post("/api/v1/programs/{id}/claims", program);
        down.then().statusCode(503).header("Retry-After", equalTo("30")).body("type", equalTo(PROBLEMS + "bank-inquiry-unavailable"));
        assertThat(Database.count("select count(*) from claim")).isZero();
        BankGatewayStub.knowsNothing();
        BankGatewayStub.opens(BAKERY_ACCOUNT, "(주)판교베이커리");
        given().auth().oauth2(owner).contentType(ContentType.JSON).header("Idempotency-Key", "bank-down")
                .body(bakeryClaim(BAKERY_ACCOUNT)).when().post("/api/v1/programs/{id}/claims", program).then().statusCode(201);
    }

    @Test
    void staffFileForABusinessOnlyWithAReasonWhichIsKept() {
        String staff = Tokens.withRoles("counter-kim@example.com", "claims-reviewer");
        refusedWithNothingStored(file(staff, bakeryClaim(BAKERY_ACCOUNT)), 403, "business-not-yours", false);
        Map<String, Object> shortReason = bakeryClaim(BAKERY_ACCOUNT);
        shortReason.put("onBehalf", Map.of("reason", "asked"));
        refusedWithNothingStored(file(staff, shortReason), 400, "validation-failed", false);

        Map<String, Object> claim = bakeryClaim(OWNER_ACCOUNT);
        claim.put("onBehalf", Map.of("reason", "Filed at the Pangyo service counter from the paper form; certificate checked",
                "representativeName", "이서연"));
        file(staff, claim).then().statusCode(201).body("bankAccount.holder", equalTo("이서연"));
        assertThat(Database.text("select filed_as from claim")).isEqualTo("staff");
        assertThat(Database.text("select on_behalf_reason from claim")).startsWith("Filed at the Pangyo service counter");
        assertThat(Database.text("select filed_by from claim")).isEqualTo("counter-kim@example.com");
    }

    @Test
    void anOwnerCannotClaimToActOnBehalf() {
        Map<String, Object> claim = bakeryClaim(BAKERY_ACCOUNT);
        claim.put("onBehalf", Map.of("reason", "I am staff, honestly, please believe me"));
        refusedWithNothingStored(file(owner, claim), 403, "business-not-yours", false);
    }

    @Test
    void theDuplicateAnswerNamesOnlyTheCallersOwnClaim() {
        String first = file(owner, bakeryClaim(BAKERY_ACCOUNT)).then().statusCode(201).extract().path("id");
        // the same owner again: pointed at their claim
        file(owner, bakeryClaim(BAKERY_ACCOUNT)).then().statusCode(409).body("type", equalTo(PROBLEMS + "duplicate-claim"))
                .body("existingClaim", equalTo("/api/v1/claims/" + first));
        // a co-representative of the same business: told it was claimed, not which claim
        String coOwner = Tokens.businessOwner("choi@bakery.example", "최지우", BAKERY);
        Response other = file(coOwner, bakeryClaim(BAKERY_ACCOUNT));
        other.then().statusCode(409).body("type", equalTo(PROBLEMS + "duplicate-claim")).body("existingClaim", nullValue());
        assertThat(other.asString()).doesNotContain(first);
        assertThat(Database.count("select count(*) from claim")).isEqualTo(1);
    }

    @Test
    void aCorrectionToAnAccountOfSomeoneElseIsRefusedAndChangesNothing() {
        String id = file(owner, bakeryClaim(BAKERY_ACCOUNT)).then().statusCode(201).extract().path("id");
        String before = Database.fingerprint();
        Response answer = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("bankAccount", Map.of("bank", "Woori", "accountNumber", "110-555-000001", "holder", "이서연")))
                .when().put("/api/v1/claims/{id}/bank-account", id);
        answer.then().statusCode(422).body("type", equalTo(PROBLEMS + "account-holder-mismatch"))
                .body("detail", not(containsString("박도윤")));
        assertThat(Database.fingerprint()).isEqualTo(before);
        // into the representative's own account: allowed
        given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("bankAccount", Map.of("bank", "Hana", "accountNumber", OWNER_ACCOUNT, "holder", "이서연")))
                .when().put("/api/v1/claims/{id}/bank-account", id).then().statusCode(200)
                .body("bankAccount.holder", equalTo("이서연"));
    }
}
