package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Every input that can be wrong is refused with a problem document, and nothing is stored or changed. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class BadInputTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    static final String ONE_PASS = """
            user_id,product,kind,channel,status,country,started_at,ended_at,next_billing_date,expires_on
            apple-user,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,
            """;

    Map<String, Long> rowsBefore;
    String stateBefore;

    @BeforeEach
    void fixture() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        Campaigns.importCsv("/api/v1/subscriptions/import", ONE_PASS, 200);
        rowsBefore = Database.rowCounts();
        stateBefore = Database.entitlementState();
    }

    @AfterEach
    void restoreStub() {
        IncidentServiceStub.stubTheFire();
    }

    private void nothingChanged() {
        Map<String, Long> after = Database.rowCounts();
        after.remove("entitlement_audit");
        Map<String, Long> before = new java.util.TreeMap<>(rowsBefore);
        before.remove("entitlement_audit");
        assertThat(after).isEqualTo(before);
        assertThat(Database.entitlementState()).isEqualTo(stateBefore);
    }

    private io.restassured.response.ValidatableResponse define(String body) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/campaigns").then().contentType("application/problem+json");
    }

    @Test
    void incoherentCampaignTermsAreRefusedFieldByField() {
        String music = Campaigns.music("BAD-1");
        define(music.replace("{\"type\":\"extend_billing_date\",\"days\":3}", "{\"type\":\"extend_billing_date\",\"days\":0}"))
                .statusCode(422).body("type", equalTo(PROBLEMS + "campaign-rule-violated"))
                .body("errors.field", hasItem("groups[0].remedies[0].days"));
        define(music.replace("\"scope\":\"subscriptions\"", "\"scope\":\"accounts\""))
                .statusCode(422).body("errors.field", hasItem("eligibility"));
        define(music.replace("credit_cash", "free_money")).statusCode(400).body("type", equalTo(PROBLEMS + "malformed-body"));
        define(music.replace("\"amountKrw\":1500", "\"amountKrw\":1500.5")).statusCode(400);
        define(music.replace("\"code\":\"BAD-1\"", "\"code\":\"bad code\"")).statusCode(400)
                .body("errors.field", hasItem("code"));
        define(music.replace("2022-10-16T00:00:00+09:00", "yesterday")).statusCode(400);
        define("{").statusCode(400);
        define(Campaigns.giftPack("BAD-2", 0)).statusCode(422).body("errors.field", hasItem("groups[0].remedies[5].cap"));
        nothingChanged();
    }

    @Test
    void aNullRemedyOrGroupIsAFieldErrorNotAServerError() {
        String music = Campaigns.music("BAD-NULL");
        define(music.replace("\"remedies\":[{\"type\":\"extend_billing_date\",\"days\":3}]", "\"remedies\":[null]"))
                .statusCode(422).body("errors.field", hasItem("groups[0].remedies[0].type"));
        define(music.replace("\"remedies\":[{\"type\":\"extend_billing_date\",\"days\":3}]",
                        "\"remedies\":[{\"type\":\"extend_billing_date\",\"days\":3},null,{\"type\":\"extend_billing_date\",\"days\":3}]"))
                .statusCode(422).body("errors.field", hasItem("groups[0].remedies[1].type"));
        define(music.replace("\"groups\":[", "\"groups\":[null,")).statusCode(422).body("errors.field", hasItem("groups[0]"));
        nothingChanged();
    }

    @Test
    void hostileTextInACampaignIsRefusedByField() {
        String music = Campaigns.music("BAD-TEXT");
        define(music.replace("멜론 서비스 장애 보상", "멜론\\u0000보상")).statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-body")).body("errors[0].field", equalTo("title"));
        define(music.replace("\"services\":[\"melon\"]", "\"services\":[false]")).statusCode(400)
                .body("errors[0].field", equalTo("services[0]")).body("errors[0].message", containsString("must be a string"));
        define(music.replace("[\"멜론\",\"Melon\"]", "[\"멜론\",12]")).statusCode(400)
                .body("errors[0].field", equalTo("serviceNames.melon[1]"));
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/users/{id}/entitlements", "user\u0000x")
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "invalid-parameter"));
        nothingChanged();
    }

    @Test
    void theIncidentMustExistAndHaveImpairedTheServices() {
        define(Campaigns.music("BAD-3").replace(IncidentServiceStub.FIRE, UUID.randomUUID().toString()))
                .statusCode(422).body("type", equalTo(PROBLEMS + "incident-not-impairing")).body("errors.field", hasItem("incidentId"));
        define(Campaigns.music("BAD-4").replace("\"services\":[\"melon\"]", "\"services\":[\"melon\",\"daum-mail\"]"))
                .statusCode(422).body("detail", containsString("daum-mail"));
        IncidentServiceStub.failing();
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Campaigns.music("BAD-5"))
                .when().post("/api/v1/campaigns").then().statusCode(503).header("Retry-After", "30")
                .body("type", equalTo(PROBLEMS + "incident-service-unavailable"));
        nothingChanged();
    }

    @Test
    void aCampaignCodeIsTakenOnce() {
        Campaigns.define(Campaigns.music("ONCE"));
        rowsBefore = Database.rowCounts();
        define(Campaigns.music("ONCE")).statusCode(409).body("type", equalTo(PROBLEMS + "duplicate-campaign-code"))
                .body("existingCampaign", notNullValue());
        nothingChanged();
    }

    @Test
    void callersNeedTheRightRole() {
        given().contentType(ContentType.JSON).body(Campaigns.music("AUTH")).when().post("/api/v1/campaigns").then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.subscriber("apple-user")).contentType(ContentType.JSON).body(Campaigns.music("AUTH"))
                .when().post("/api/v1/campaigns").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2("not.a.token").when().get("/api/v1/users/apple-user/entitlements").then().statusCode(401);
        given().auth().oauth2(Tokens.subscriber("apple-user")).contentType("text/csv").body(ONE_PASS)
                .when().post("/api/v1/subscriptions/import").then().statusCode(403);
        nothingChanged();
    }

    @Test
    void anotherServicesTokenOpensNothingHere() {
        // payout-service's own service token: valid, role "service", but payout-service is not a caller of this service
        String payoutService = Tokens.withRoles("payout-service", "service");
        given().auth().oauth2(payoutService).when().get("/api/v1/users/apple-user/entitlements").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(payoutService).contentType("text/csv").body(ONE_PASS)
                .when().post("/api/v1/subscriptions/import").then().statusCode(403);
        // a token the suite's identity provider issued for another application
        String elsewhere = io.smallrye.jwt.build.Jwt.upn("operator@example.com").groups(java.util.Set.of("compensation-operator"))
                .audience("partner-portal").expiresIn(3600).sign();
        given().auth().oauth2(elsewhere).contentType(ContentType.JSON).body(Campaigns.music("AUD"))
                .when().post("/api/v1/campaigns").then().statusCode(401);
        nothingChanged();
    }

    @Test
    void runsNeedAKeyAndASaneChunkSize() {
        UUID campaign = Campaigns.define(Campaigns.music("RUNS"));
        rowsBefore = Database.rowCounts();
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/campaigns/" + campaign + "/runs").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "idempotency-key-required"));
        Campaigns.startRun(campaign, "k", "{\"chunkSize\":5}").then().statusCode(400).contentType("application/problem+json");
        Campaigns.startRun(UUID.randomUUID(), "k", "{}").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/campaigns/not-a-uuid/preview").then().statusCode(404);
        nothingChanged();
    }

    @Test
    void anUnreadableImportChangesNothing() {
        given().auth().oauth2(Tokens.operator()).contentType("text/csv").body("name,amount\nx,1\n")
                .when().post("/api/v1/subscriptions/import").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "unreadable-import"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/subscriptions/import").then().statusCode(415).contentType("application/problem+json");
        nothingChanged();
    }

    @Test
    void aLineThatIsNotUtf8OrHoldsAControlCharacterIsRejectedByItsNumber() {
        String row = ",melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,\n";
        byte[] latin1 = ("caf\u00e9" + row).getBytes(StandardCharsets.ISO_8859_1);
        byte[] nul = ("nul\u0000user" + row).getBytes(StandardCharsets.UTF_8);
        byte[] good = ("user-c" + row).getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream upload = new java.io.ByteArrayOutputStream();
        upload.writeBytes(ONE_PASS.replace("apple-user", "user-b").getBytes(StandardCharsets.UTF_8));
        upload.writeBytes(latin1);
        upload.writeBytes(nul);
        upload.writeBytes(good);
        given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(upload.toByteArray())
                .when().post("/api/v1/subscriptions/import").then().statusCode(200)
                .body("imported", equalTo(2)).body("rejected", equalTo(2))
                .body("rejections.line", equalTo(java.util.List.of(3, 4)))
                .body("rejections[0].reason", containsString("not valid UTF-8"))
                .body("rejections[1].reason", containsString("U+0000"));
        assertThat(Database.count("select count(*) from subscription where user_id in ('user-b', 'user-c')")).isEqualTo(2);
        assertThat(Database.count("select count(*) from subscription where user_id like 'caf%' or user_id like 'nul%'")).isZero();
    }

    @Test
    void badRowsAreReportedByLineAndOnlyGoodRowsAreImported() {
        String csv = ONE_PASS.replace("apple-user", "good-user")
                + "ticket-with-billing,melon-30day,ticket,direct,active,KR,2022-10-01T00:00:00+09:00,,2022-10-30,2022-11-01\n"
                + "bad-date,melon-unlimited,recurring,direct,active,KR,2022-10-01,,2022-10-30,\n"
                + "short,row\n"
                + "ended-first,melon-unlimited,recurring,direct,cancelled,KR,2022-10-01T00:00:00+09:00,2022-09-01T00:00:00+09:00,,\n";
        given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(csv)
                .when().post("/api/v1/subscriptions/import").then().statusCode(200)
                .body("imported", equalTo(1)).body("rejected", equalTo(4))
                .body("rejections.line", equalTo(java.util.List.of(3, 4, 5, 6)))
                .body("rejections[0].reason", containsString("no next_billing_date"))
                .body("rejections[1].reason", containsString("started_at"))
                .body("rejections[3].reason", containsString("before started_at"));
        assertThat(Database.count("select count(*) from subscription where user_id <> 'apple-user'")).isEqualTo(1);
    }

    @Test
    void aSubscriptionThatBreaksTheRulesIsRefused() {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"userId\":\"u1\",\"product\":\"melon-30day\",\"kind\":\"ticket\",\"channel\":\"direct\",\"status\":\"active\","
                        + "\"country\":\"KR\",\"startedAt\":\"2022-10-01T00:00:00+09:00\",\"nextBillingDate\":\"2022-11-01\"}")
                .when().post("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"userId\":\"u1\",\"product\":\"melon-30day\",\"kind\":\"monthly\"}")
                .when().post("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json");
        nothingChanged();
    }

    @Test
    void cashCannotBeOverspentAndADebitHappensOncePerKey() {
        UUID campaign = Campaigns.define(Campaigns.music("CASH"));
        Campaigns.runToCompletion(campaign, "cash-run");
        String user = Tokens.subscriber("apple-user");
        given().auth().oauth2(user).contentType(ContentType.JSON).header("Idempotency-Key", "d-1")
                .body("{\"amountKrw\":2000,\"reason\":\"album\"}").when().post("/api/v1/users/apple-user/wallet/debits")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "insufficient-balance")).body("balanceKrw", equalTo(1500));
        given().auth().oauth2(user).contentType(ContentType.JSON)
                .body("{\"amountKrw\":100,\"reason\":\"track\"}").when().post("/api/v1/users/apple-user/wallet/debits")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "idempotency-key-required"));
        given().auth().oauth2(user).contentType(ContentType.JSON).header("Idempotency-Key", "d-2")
                .body("{\"amountKrw\":-5,\"reason\":\"refund myself\"}").when().post("/api/v1/users/apple-user/wallet/debits")
                .then().statusCode(400);
        int first = given().auth().oauth2(user).contentType(ContentType.JSON).header("Idempotency-Key", "d-3")
                .body("{\"amountKrw\":500,\"reason\":\"track\"}").when().post("/api/v1/users/apple-user/wallet/debits")
                .then().statusCode(201).body("balanceKrw", equalTo(1000)).extract().path("entryId");
        given().auth().oauth2(user).contentType(ContentType.JSON).header("Idempotency-Key", "d-3")
                .body("{\"amountKrw\":500,\"reason\":\"track\"}").when().post("/api/v1/users/apple-user/wallet/debits")
                .then().statusCode(201).body("entryId", equalTo(first));
        given().auth().oauth2(user).contentType(ContentType.JSON).header("Idempotency-Key", "d-3")
                .body("{\"amountKrw\":900,\"reason\":\"track\"}").when().post("/api/v1/users/apple-user/wallet/debits")
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        assertThat(Database.count("select balance_krw from wallet where user_id = 'apple-user'")).isEqualTo(1000);
        assertThat(Database.count("select count(*) from wallet_entry where amount_krw < 0")).isEqualTo(1);
    }

    @Test
    void theLedgerIsAppendOnly() {
        UUID campaign = Campaigns.define(Campaigns.music("LEDGER"));
        Campaigns.runToCompletion(campaign, "ledger-run");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Database.execute("update wallet_entry set amount_krw = 1000000"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Database.execute("delete from wallet_entry"));
        assertThat(Database.count("select sum(amount_krw) from wallet_entry")).isEqualTo(1500);
    }
}
