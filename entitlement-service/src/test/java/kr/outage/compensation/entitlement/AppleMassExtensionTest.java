package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.FakeStores;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.Tokens;
import kr.outage.compensation.platform.testing.ConsoleLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The App Store's mass extension ("all active subscribers" of a product) for a campaign's App Store
 * passes: one request per product, its status polled while it stays incomplete, each subscription
 * settled by Apple's signed notification about it (extended, or not: the fallback), notifications that
 * never arrived found in Apple's notification history, and subscriptions Apple passed by given the
 * fallback once Apple is done. Against a fake App Store that signs its notifications with a certificate
 * chain of Apple's shape and posts them to the service, as Apple does.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
@QuarkusTestResource(FakeStores.class)
class AppleMassExtensionTest {

    static final String PRODUCT = "com.example.melon.unlimited";
    static final String FIXTURE = """
            user_id,product,kind,channel,status,country,started_at,ended_at,next_billing_date,expires_on,store_product_id,store_original_transaction_id,store_purchase_token
            direct-month-end,melon-unlimited,recurring,direct,active,KR,2022-01-30T10:00:00+09:00,,2022-10-30,,,,
            apple-extended,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,,com.example.melon.unlimited,2000000001,
            apple-notification-lost,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,,com.example.melon.unlimited,2000000002,
            apple-ineligible,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-26,,com.example.melon.unlimited,2000000003,
            apple-inactive-at-apple,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-27,,com.example.melon.unlimited,2000000004,
            apple-twice-this-year,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-28,,com.example.melon.unlimited,2000000005,
            apple-without-identity,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-28,,,,
            google-deferrable,melon-unlimited,recurring,google,active,KR,2021-06-01T00:00:00+09:00,,2022-11-01,,melon_unlimited_monthly,,tok-google-ok-000000001
            """;
    static final Instant RENEWAL = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
    static final Instant GOOGLE_EXPIRY = Instant.now().plus(Duration.ofDays(12)).truncatedTo(ChronoUnit.MILLIS);
    static final String PROBLEMS = "https://compensation-suite.example/problems/";

    @BeforeEach
    void fixture() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        FakeStores.reset();
        FakeStores.notifyTo("http://localhost:" + RestAssured.port + "/api/v1/stores/apple/notifications");
        Campaigns.importCsv("/api/v1/subscriptions/import", FIXTURE, 200);
        for (String otid : List.of("2000000001", "2000000002", "2000000003", "2000000004", "2000000005")) {
            FakeStores.appleSubscription(otid, PRODUCT, RENEWAL);
        }
        // a subscriber of the product the campaign does not know of: the mass extension reaches them too
        FakeStores.appleSubscription("2000000099", PRODUCT, RENEWAL);
        FakeStores.appleIneligible("2000000003");
        FakeStores.appleInactive("2000000004");
        FakeStores.appleExtendedBefore("2000000005", Instant.now().minus(Duration.ofDays(200)), Instant.now().minus(Duration.ofDays(20)));
        FakeStores.googleSubscription("tok-google-ok-000000001", "melon_unlimited_monthly", GOOGLE_EXPIRY);
    }

    static String massMusic(String code, String massExtension) {
        return """
                {"code":"%s","title":"멜론 서비스 장애 보상","description":"이용 기간 3일 연장 (앱스토어는 전체 구독자 일괄 연장, 불가 시 1,500원 캐시)",
                 "incidentId":"%s","services":["melon"],"serviceNames":{"melon":["멜론","Melon"]},"scope":"subscriptions","snapshotAt":"2022-10-16T00:00:00+09:00",
                 "eligibility":{"products":["melon-unlimited"]},
                 "groups":[
                   {"name":"Direct recurring: next billing date +3 days","match":{"channels":["direct"]},
                    "remedies":[{"type":"extend_billing_date","days":3}]},
                   {"name":"In-app: +3 days by the stores, else 1,500 KRW","match":{"channels":["apple","google"]},
                    "remedies":[{"type":"store_extension","days":3,"fallback":{"type":"credit_cash","amountKrw":1500}%s}]}
                 ]}""".formatted(code, IncidentServiceStub.FIRE, massExtension);
    }

    @Test
    void oneMassExtensionPerProductSettlesEachAppStorePassByApplesOwnWord() {
        FakeStores.massIncompleteFor(3);
        FakeStores.loseNotificationsAbout("2000000002");
        UUID campaign = Campaigns.define(massMusic("MELON-MASS", ",\"appleMassExtension\":{\"storefrontCountryCodes\":[\"KOR\"]}"));

        JsonPath preview = given().auth().oauth2(Tokens.operator()).when().post("/api/v1/campaigns/" + campaign + "/preview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(preview.getBoolean("groups[1].stores.appleMassExtension")).isTrue();
        assertThat(preview.getList("groups[1].stores.appleMassProducts", String.class)).containsExactly(PRODUCT);
        assertThat(preview.getLong("groups[1].stores.apple")).isEqualTo(5);

        String runId = Campaigns.runToCompletion(campaign, "mass-run-1");
        JsonPath run = given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + campaign + "/runs/" + runId)
                .then().statusCode(200).body("state", equalTo("completed")).extract().jsonPath();
        assertThat(run.getMap("stores.find { it.store == 'apple' }")).containsEntry("pending", 0).containsEntry("extended", 2)
                .containsEntry("fallback", 3);
        assertThat(run.getMap("stores.find { it.store == 'google' }")).containsEntry("pending", 0).containsEntry("extended", 1);
        Map<String, Object> mass = run.getMap("appleMassExtensions[0]");
        assertThat(mass).containsEntry("productId", PRODUCT).containsEntry("state", "settled")
                .containsEntry("succeeded", 3).containsEntry("failed", 2);
        assertThat(run.getList("appleMassExtensions")).hasSize(1);

        // Apple: one mass request for the product, limited to the Korean storefront; asked for its status
        // until it said complete; its history read (in pages) for the notification that never arrived
        assertThat(FakeStores.massRequestsReceived()).containsExactly(PRODUCT + " [KOR]");
        assertThat(FakeStores.statusPollsServed()).isGreaterThanOrEqualTo(4);
        assertThat(FakeStores.historyPagesServed()).isGreaterThanOrEqualTo(2);
        assertThat(FakeStores.unauthorizedRequests()).isZero();
        for (String otid : List.of("2000000001", "2000000002", "2000000099")) {
            assertThat(FakeStores.timesExtendedByApple(otid, Instant.now().minus(Duration.ofHours(1)))).as(otid).isEqualTo(1);
        }
        assertThat(FakeStores.timesExtendedByApple("2000000003", Instant.now().minus(Duration.ofHours(1)))).isZero();

        // the suite: Apple's new date where it extended (also the one only the history told of), the
        // fallback once where it did not, whether Apple said so or passed the subscription by
        String extended = LocalDate.ofInstant(RENEWAL.plus(Duration.ofDays(3)), ZoneId.of("Asia/Seoul")).toString();
        assertThat(billingDate("apple-extended")).isEqualTo(extended);
        assertThat(billingDate("apple-notification-lost")).isEqualTo(extended);
        for (String fallback : List.of("apple-ineligible", "apple-inactive-at-apple", "apple-twice-this-year", "apple-without-identity")) {
            assertThat(balance(fallback)).as(fallback).isEqualTo(1500);
            assertThat(Database.count("select count(*) from wallet_entry where user_id = '" + fallback + "'")).as(fallback).isEqualTo(1);
        }
        assertThat(balance("apple-extended")).isZero();
        assertThat(balance("apple-notification-lost")).isZero();
        assertThat(Database.texts("select refusal from store_request where state = 'FALLBACK' order by refusal"))
                .containsExactly("MASS_EXTENSION_FAILURE", "MASS_EXTENSION_FAILURE", "NOT_EXTENDED");
        assertThat(Database.texts("select outcome from apple_notification where original_transaction_id = '2000000099'"))
                .as("the subscriber the campaign did not cover: recorded, nothing settled").containsExactly("NONE");
        assertThat(FakeStores.deliveryStatuses()).as("every delivered notification accepted").isNotEmpty().containsOnly(200);

        // the console's run page: where the mass extension stands, in Apple's own counts
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(given().cookie(ConsoleLogins.session(Tokens.operator()))
                .get("/console/campaigns/" + campaign + "/runs/" + runId + "?lang=en").then().statusCode(200).extract().asString());
        assertThat(page.select("#run-apple-mass tr[data-product='" + PRODUCT + "'] td").eachText())
                .containsExactly("Settled", "3", "2", "–");

        // what the person sees
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/users/apple-notification-lost/entitlements")
                .then().statusCode(200)
                .body("passes[0].storeExtensions[0].store", equalTo("app_store"))
                .body("passes[0].storeExtensions[0].state", equalTo("extended"))
                .body("passes[0].storeExtensions[0].renewsOn", equalTo(extended));

        // a second run asks Apple nothing again and credits nothing again
        String state = Database.entitlementState();
        Campaigns.runToCompletion(campaign, "mass-run-1-again");
        assertThat(Database.entitlementState()).isEqualTo(state);
        assertThat(FakeStores.massRequestsReceived()).hasSize(1);

        // a pass imported late (held at the snapshot): the mass request has gone, so the next run asks for it alone
        Campaigns.importCsv("/api/v1/subscriptions/import", FIXTURE.lines().findFirst().orElseThrow() + "\n"
                + "apple-imported-late,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,,"
                + PRODUCT + ",2000000006,\n", 200);
        FakeStores.appleSubscription("2000000006", PRODUCT, RENEWAL);
        String third = Campaigns.runToCompletion(campaign, "mass-run-1-late");
        assertThat(FakeStores.massRequestsReceived()).hasSize(1);
        assertThat(FakeStores.timesExtendedByApple("2000000006", Instant.now().minus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(billingDate("apple-imported-late")).isEqualTo(extended);
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + campaign + "/runs/" + third)
                .then().statusCode(200).body("state", equalTo("completed")).body("appleMassExtensions.size()", equalTo(0));

        // Apple resends a notification it believes was not received: nothing changes a second time
        String before = Database.entitlementState();
        given().contentType("application/json").body(Map.of("signedPayload", FakeStores.signedNotificationAbout("2000000003")))
                .when().post("/api/v1/stores/apple/notifications")
                .then().statusCode(200).body("outcome", equalTo("duplicate"));
        assertThat(Database.entitlementState()).isEqualTo(before);
    }

    @Test
    void aRenewalExtendedNoticeOfAnotherExtensionDoesNotStandInForTheMassExtension() {
        // 2000000001: another tool extends it (its second extension this year) just before the mass
        // request, whose FAILURE for it Apple delivers only later (found in the history). 2000000002: a
        // one-subscription request of the suite's own was answered with a renewal date; Apple's
        // RENEWAL_EXTENDED about that one arrives while the mass request waits.
        Instant otherExtension = RENEWAL.plus(Duration.ofDays(3));
        FakeStores.appleExtendedBefore("2000000001", Instant.now().minus(Duration.ofDays(100)), Instant.now().minus(Duration.ofMinutes(1)));
        Instant ourOwn = RENEWAL.plus(Duration.ofDays(7));
        Database.execute("insert into store_request (campaign_id, subject_id, user_id, run_id, channel, product_id, store_ref, "
                + "days, fallback_krw, request_id, state, not_before, created_at, settled_at, new_expiry) values (gen_random_uuid(), "
                + "(select id from subscription where user_id = 'apple-notification-lost'), 'apple-notification-lost', gen_random_uuid(), "
                + "'APPLE', '" + PRODUCT + "', '2000000002', 7, 1000, gen_random_uuid(), 'EXTENDED', now(), now(), now(), '" + ourOwn + "')");
        FakeStores.loseNotificationsAbout("2000000001", "2000000002");
        FakeStores.massIncompleteFor(25);
        UUID campaign = Campaigns.define(massMusic("MELON-MASS-OTHER", ",\"appleMassExtension\":{}"));
        String runId = Campaigns.startRun(campaign, "mass-other-1", "{\"chunkSize\":100}").then().statusCode(202).extract().path("runId");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                Database.count("select count(*) from apple_mass_extension where state = 'SENT'") == 1);

        given().contentType("application/json").body(Map.of("signedPayload", FakeStores.signedNotification("RENEWAL_EXTENDED",
                        "2000000001", PRODUCT, otherExtension, Instant.now())))
                .when().post("/api/v1/stores/apple/notifications").then().statusCode(200).body("outcome", equalTo("extended"));
        given().contentType("application/json").body(Map.of("signedPayload", FakeStores.signedNotification("RENEWAL_EXTENDED",
                        "2000000002", PRODUCT, ourOwn, Instant.now())))
                .when().post("/api/v1/stores/apple/notifications").then().statusCode(200).body("outcome", equalTo("none"));
        Campaigns.awaitFinished(campaign, runId);

        // the mass extension's own FAILURE, read from the history, overturned the other extension's notice
        assertThat(Database.text("select state || ' ' || refusal from store_request where store_ref = '2000000001' and campaign_id = '"
                + campaign + "'")).isEqualTo("FALLBACK MASS_EXTENSION_FAILURE");
        assertThat(balance("apple-extended")).isEqualTo(1500);
        assertThat(Database.count("select count(*) from wallet_entry where user_id = 'apple-extended'")).isEqualTo(1);
        assertThat(Database.texts("select outcome from apple_notification where original_transaction_id = '2000000001' "
                + "order by received_at")).containsExactly("EXTENDED", "OVERTURNED");
        // and 2000000002 was settled by the mass extension's own RENEWAL_EXTENDED (from the history), not by our own request's
        assertThat(Database.text("select state || ' ' || new_expiry::text from store_request where store_ref = '2000000002' "
                + "and campaign_id = '" + campaign + "'")).startsWith("EXTENDED ");
        assertThat(Database.count("select count(*) from store_request where store_ref = '2000000002' and campaign_id = '" + campaign
                + "' and new_expiry = '" + ourOwn + "'")).isZero();
        assertThat(balance("apple-notification-lost")).isZero();
    }

    @Test
    void aLostAnswerToTheMassRequestIsResentWithTheSameIdentifierAndExtendsNobodyTwice() {
        FakeStores.loseAnswersOfNext(1);
        resentMassRequestExtendsNobodyTwice("MELON-MASS-RESENT");
    }

    @Test
    void aResentMassRequestRefusedByAppleIsTakenAsSentWhenAppleKnowsIt() {
        FakeStores.loseAnswersOfNext(1);
        FakeStores.refuseResentMassRequests();
        resentMassRequestExtendsNobodyTwice("MELON-MASS-REFUSED-RESEND");
        assertThat(Database.texts("select refusal from store_request where refusal is not null order by refusal"))
                .as("no fallback for a refusal of the resend").doesNotContain("INVALID_REQUEST_IDENTIFIER");
    }

    private static void resentMassRequestExtendsNobodyTwice(String code) {
        UUID campaign = Campaigns.define(massMusic(code, ",\"appleMassExtension\":{}"));

        Campaigns.runToCompletion(campaign, "mass-run-2");
        assertThat(FakeStores.massRequestsReceived()).as("one request at Apple, sent twice").containsExactly(PRODUCT + " []");
        for (String otid : List.of("2000000001", "2000000002", "2000000099")) {
            assertThat(FakeStores.timesExtendedByApple(otid, Instant.now().minus(Duration.ofHours(1)))).as(otid).isEqualTo(1);
        }
        assertThat(Database.count("select count(*) from store_request where state = 'EXTENDED' and channel = 'APPLE'")).isEqualTo(2);
        assertThat(Database.count("select count(*) from wallet_entry")).as("the three Apple did not extend, and the one without identity")
                .isEqualTo(4);
    }

    @Test
    void aNotificationNotSignedByAppleIsRefusedAndChangesNothing() {
        UUID campaign = Campaigns.define(massMusic("MELON-MASS-FORGED", ",\"appleMassExtension\":{}"));
        FakeStores.massIncompleteFor(1_000);
        Campaigns.startRun(campaign, "mass-run-3", "{\"chunkSize\":100}").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> !FakeStores.massRequestsReceived().isEmpty());
        // every delivered notification applied: only the subscription Apple passed by still waits
        await().atMost(Duration.ofSeconds(30)).until(() -> Database.count("select count(*) from store_request where state in "
                + "('PENDING', 'SENDING')") == 0 && Database.count("select count(*) from store_request where state = 'MASS'") == 1);

        String before = Database.entitlementState();
        long notifications = Database.count("select count(*) from apple_notification");
        for (Object body : List.of(
                Map.of("signedPayload", FakeStores.forgedExtendedNotification("2000000004", PRODUCT, RENEWAL.plus(Duration.ofDays(3)))),
                Map.of("signedPayload", "not-a-jws"),
                Map.of("signedPayload", "eyJhbGciOiJub25lIn0.eyJub3RpZmljYXRpb25UeXBlIjoiUkVORVdBTF9FWFRFTkRFRCJ9."))) {
            given().contentType("application/json").body(body).when().post("/api/v1/stores/apple/notifications")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "notification-not-verified"));
        }
        // Apple's own, but signed before this mass request existed (Apple resends for days): not about it
        given().contentType("application/json").body(Map.of("signedPayload", FakeStores.signedNotification("RENEWAL_EXTENDED",
                        "2000000004", PRODUCT, RENEWAL.plus(Duration.ofDays(3)), Instant.now().minus(Duration.ofHours(1)))))
                .when().post("/api/v1/stores/apple/notifications")
                .then().statusCode(200).body("outcome", equalTo("none"));
        // the rest of the app's notifications (renewals, refunds, ...): acknowledged, not kept
        given().contentType("application/json").body(Map.of("signedPayload", FakeStores.signedNotification("DID_RENEW",
                        "2000000004", PRODUCT, RENEWAL.plus(Duration.ofDays(30)), Instant.now())))
                .when().post("/api/v1/stores/apple/notifications")
                .then().statusCode(200).body("outcome", equalTo("none"));
        for (String body : List.of("{}", "{\"signedPayload\":\"\"}", "{\"signedPayload\":42}", "[]", "null")) {
            given().contentType("application/json").body(body).when().post("/api/v1/stores/apple/notifications")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        assertThat(Database.entitlementState()).isEqualTo(before);
        assertThat(Database.count("select count(*) from apple_notification")).as("only the old RENEWAL_EXTENDED kept, settling nothing")
                .isEqualTo(notifications + 1);
        assertThat(Database.count("select count(*) from store_request where user_id = 'apple-inactive-at-apple' and state = 'MASS'"))
                .as("still waiting for Apple's own word").isEqualTo(1);
    }

    @Test
    void incoherentMassExtensionsAreRefusedAndNothingIsStored() {
        String onCash = """
                {"code":"MASS-ON-CASH","title":"t","description":"d","incidentId":"%s","services":["melon"],"scope":"subscriptions",
                 "snapshotAt":"2022-10-16T00:00:00+09:00","groups":[{"name":"g","remedies":[
                 {"type":"credit_cash","amountKrw":1500,"appleMassExtension":{}}]}]}""".formatted(IncidentServiceStub.FIRE);
        String twoGroups = """
                {"code":"MASS-TWICE","title":"t","description":"d","incidentId":"%s","services":["melon"],"scope":"subscriptions",
                 "snapshotAt":"2022-10-16T00:00:00+09:00","groups":[
                 {"name":"a","match":{"channels":["apple"]},"remedies":[{"type":"store_extension","days":3,"fallback":{"type":"credit_cash","amountKrw":1500},"appleMassExtension":{}}]},
                 {"name":"b","remedies":[{"type":"store_extension","days":2,"fallback":{"type":"credit_cash","amountKrw":1000},"appleMassExtension":{}}]}]}"""
                .formatted(IncidentServiceStub.FIRE);
        Map<String, String> refused = Map.of(
                onCash, "groups[0].remedies[0].appleMassExtension",
                twoGroups, "groups",
                massMusic("MASS-BAD-STOREFRONT", ",\"appleMassExtension\":{\"storefrontCountryCodes\":[\"KR\"]}"),
                "groups[1].remedies[0].appleMassExtension.storefrontCountryCodes[0]",
                massMusic("MASS-TWICE-KOR", ",\"appleMassExtension\":{\"storefrontCountryCodes\":[\"KOR\",\"KOR\"]}"),
                "groups[1].remedies[0].appleMassExtension.storefrontCountryCodes[1]");
        String before = Database.entitlementState();
        refused.forEach((body, field) -> given().auth().oauth2(Tokens.operator()).contentType("application/json").body(body)
                .when().post("/api/v1/campaigns")
                .then().log().ifValidationFails().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "campaign-rule-violated"))
                .body("errors.field", org.hamcrest.Matchers.hasItem(field)));
        assertThat(Database.count("select count(*) from campaign")).isZero();
        assertThat(Database.entitlementState()).isEqualTo(before);
    }

    private static String billingDate(String user) {
        return Database.texts("select next_billing_date::text from subscription where user_id = '" + user + "'").get(0);
    }

    private static long balance(String user) {
        return Database.count("select coalesce((select balance_krw from wallet where user_id = '" + user + "'), 0)");
    }
}
