package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kr.outage.compensation.entitlement.support.CampaignApprovals;
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
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * The music rule as the stores now allow it: in-app passes get +3 days from the App Store or Google
 * Play themselves, and 1,500 KRW only where the store cannot extend them. Against fake stores that
 * answer as the real ones document (and check every request's signature), including refusals,
 * rate limits, outages and answers lost on the way back: each subscription is extended exactly once
 * or given its fallback exactly once, and the run completes only when every store has answered.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
@QuarkusTestResource(FakeStores.class)
class StoreExtensionTest {

    static final String FIXTURE = """
            user_id,product,kind,channel,status,country,started_at,ended_at,next_billing_date,expires_on,store_product_id,store_original_transaction_id,store_purchase_token
            direct-month-end,melon-unlimited,recurring,direct,active,KR,2022-01-30T10:00:00+09:00,,2022-10-30,,,,
            apple-extendable,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,,com.example.melon.unlimited,1000000001,
            apple-twice-this-year,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-26,,com.example.melon.unlimited,1000000002,
            apple-unknown-to-apple,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-27,,com.example.melon.unlimited,1000000003,
            apple-without-identity,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-28,,,,
            apple-limit-known-here,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-29,,com.example.melon.unlimited,1000000005,
            google-deferrable,melon-unlimited,recurring,google,active,KR,2021-06-01T00:00:00+09:00,,2022-11-01,,melon_unlimited_monthly,,tok-google-ok-000000001
            google-gone,melon-unlimited,recurring,google,active,KR,2021-06-01T00:00:00+09:00,,2022-11-02,,melon_unlimited_monthly,,tok-google-gone-0000001
            partner-ticket,melon-30day,ticket,partner,active,KR,2022-10-01T00:00:00+09:00,,,2022-12-01,,,
            """;

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    static final Instant APPLE_RENEWAL = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
    static final Instant GOOGLE_EXPIRY = Instant.now().plus(Duration.ofDays(12)).truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void fixture() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        FakeStores.reset();
        Campaigns.importCsv("/api/v1/subscriptions/import", FIXTURE, 200);
        FakeStores.appleSubscription("1000000001", APPLE_RENEWAL);
        FakeStores.appleSubscription("1000000002", APPLE_RENEWAL);
        FakeStores.appleExtendedBefore("1000000002", Instant.now().minus(Duration.ofDays(200)), Instant.now().minus(Duration.ofDays(20)));
        FakeStores.appleSubscription("1000000005", APPLE_RENEWAL);
        FakeStores.googleSubscription("tok-google-ok-000000001", "melon_unlimited_monthly", GOOGLE_EXPIRY);
        FakeStores.googleGone("tok-google-gone-0000001");
        // the suite itself had 1000000005 extended twice in the last 365 days (earlier campaigns)
        for (int i = 0; i < 2; i++) {
            Database.execute("insert into store_request (campaign_id, subject_id, user_id, run_id, channel, product_id, store_ref, "
                    + "days, fallback_krw, request_id, state, not_before, created_at, settled_at, new_expiry) values (gen_random_uuid(), "
                    + "(select id from subscription where user_id = 'apple-limit-known-here'), 'apple-limit-known-here', gen_random_uuid(), "
                    + "'APPLE', 'com.example.melon.unlimited', '1000000005', 2, 1000, gen_random_uuid(), 'EXTENDED', now(), now(), "
                    + "now() - interval '" + (30 + i * 100) + " days', now())");
        }
    }

    static String storeMusic(String code) {
        return """
                {"code":"%s","title":"멜론 서비스 장애 보상","description":"이용 기간 3일 연장 (앱스토어·구글 플레이 결제는 스토어에서 연장, 불가 시 1,500원 캐시)",
                 "incidentId":"%s","services":["melon"],"serviceNames":{"melon":["멜론","Melon"]},"scope":"subscriptions","snapshotAt":"2022-10-16T00:00:00+09:00",
                 "eligibility":{"products":["melon-unlimited","melon-30day"]},
                 "groups":[
                   {"name":"Direct recurring: next billing date +3 days","match":{"channels":["direct"],"kinds":["recurring"],"holding":"active_at_snapshot"},
                    "remedies":[{"type":"extend_billing_date","days":3}]},
                   {"name":"In-app: renewal date +3 days by the App Store or Google Play, else 1,500 KRW","match":{"channels":["apple","google"],"kinds":["recurring"],"holding":"active_at_snapshot"},
                    "remedies":[{"type":"store_extension","days":3,"fallback":{"type":"credit_cash","amountKrw":1500}}]},
                   {"name":"Partner and the rest: 1,500 KRW cash","remedies":[{"type":"credit_cash","amountKrw":1500}]}
                 ]}""".formatted(code, IncidentServiceStub.FIRE);
    }

    @Test
    void eachInAppPassIsExtendedByItsStoreOrGivenTheFallbackExactlyOnce() {
        UUID campaign = Campaigns.define(storeMusic("MELON-STORE"));

        JsonPath preview = given().auth().oauth2(Tokens.operator()).when().post("/api/v1/campaigns/" + campaign + "/preview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(preview.getList("groups.toApply", Integer.class)).containsExactly(1, 7, 1);
        Map<String, Object> stores = preview.getMap("groups[1].stores");
        assertThat(stores).containsEntry("apple", 3).containsEntry("google", 2).containsEntry("noStore", 1)
                .containsEntry("appleLimitReached", 1).containsEntry("fallbackKrwEach", 1500);
        assertThat(preview.getLong("groups[1].cashKrw")).as("fallbacks known before asking any store").isEqualTo(3000);
        assertThat(preview.getString("groups[0].stores")).isNull();

        String runId = Campaigns.runToCompletion(campaign, "store-run-1");
        JsonPath run = given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + campaign + "/runs/" + runId)
                .then().statusCode(200).body("state", equalTo("completed")).extract().jsonPath();
        assertThat(run.getList("groups.applied", Integer.class)).containsExactly(1, 7, 1);
        assertThat(run.getMap("stores.find { it.store == 'apple' }")).containsEntry("pending", 0).containsEntry("extended", 1)
                .containsEntry("fallback", 2);
        assertThat(run.getMap("stores.find { it.store == 'google' }")).containsEntry("pending", 0).containsEntry("extended", 1)
                .containsEntry("fallback", 1);

        // the stores: one extension each, by exactly 3 days
        assertThat(FakeStores.timesExtendedByApple("1000000001", Instant.now().minus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(FakeStores.appleRenewal("1000000001")).isEqualTo(APPLE_RENEWAL.plus(Duration.ofDays(3)));
        assertThat(FakeStores.timesExtendedByApple("1000000002", Instant.now().minus(Duration.ofHours(1)))).isZero();
        assertThat(FakeStores.timesDeferredByGoogle("tok-google-ok-000000001")).isEqualTo(1);
        assertThat(FakeStores.googleExpiry("tok-google-ok-000000001")).isEqualTo(GOOGLE_EXPIRY.plus(Duration.ofDays(3)));
        assertThat(FakeStores.unauthorizedRequests()).as("every request signed and accepted").isZero();

        // the suite: the store's new date where it extended, the fallback once where it could not
        assertThat(billingDate("apple-extendable")).isEqualTo(korean(APPLE_RENEWAL.plus(Duration.ofDays(3))));
        assertThat(billingDate("google-deferrable")).isEqualTo(korean(GOOGLE_EXPIRY.plus(Duration.ofDays(3))));
        assertThat(billingDate("direct-month-end")).isEqualTo("2022-11-02");
        for (String fallback : new String[]{"apple-twice-this-year", "apple-unknown-to-apple", "apple-without-identity",
                "apple-limit-known-here", "google-gone", "partner-ticket"}) {
            assertThat(balance(fallback)).as(fallback).isEqualTo(1500);
            assertThat(Database.count("select count(*) from wallet_entry where user_id = '" + fallback + "'")).as(fallback).isEqualTo(1);
        }
        assertThat(balance("apple-extendable")).isZero();
        assertThat(balance("google-deferrable")).isZero();
        assertThat(Database.texts("select refusal from store_request where state = 'FALLBACK' order by refusal"))
                .as("the App Store does not know 1000000003 when its renewal date is read, before anything is sent")
                .containsExactlyInAnyOrder("SUBSCRIPTION_MAX_EXTENSION", "TRANSACTION_ID_NOT_FOUND",
                        "subscriptionPurchaseNoLongerAvailable");

        // what each person sees: the store's answer on the pass, and the cash where it refused
        given().auth().oauth2(Tokens.subscriber("apple-extendable")).when().get("/api/v1/users/apple-extendable/entitlements")
                .then().statusCode(200)
                .body("passes[0].storeExtensions[0].store", equalTo("app_store"))
                .body("passes[0].storeExtensions[0].state", equalTo("extended"))
                .body("passes[0].storeExtensions[0].days", equalTo(3))
                .body("passes[0].storeExtensions[0].renewsOn", equalTo(korean(APPLE_RENEWAL.plus(Duration.ofDays(3)))))
                .body("passes[0].nextBillingDate", equalTo(korean(APPLE_RENEWAL.plus(Duration.ofDays(3)))))
                .body("cash.balanceKrw", equalTo(0));
        given().auth().oauth2(Tokens.subscriber("google-gone")).when().get("/api/v1/users/google-gone/entitlements")
                .then().statusCode(200)
                .body("passes[0].storeExtensions[0].store", equalTo("google_play"))
                .body("passes[0].storeExtensions[0].state", equalTo("refused"))
                .body("passes[0].storeExtensions[0].refusal", equalTo("subscriptionPurchaseNoLongerAvailable"))
                .body("passes[0].storeExtensions[0].fallbackKrw", equalTo(1500))
                .body("cash.balanceKrw", equalTo(1500))
                .body("cash.ledger[0].reason", org.hamcrest.Matchers.containsString("instead of a store extension"));
        given().auth().oauth2(Tokens.subscriber("apple-without-identity")).when().get("/api/v1/users/apple-without-identity/entitlements")
                .then().statusCode(200).body("passes[0].storeExtensions.size()", equalTo(0)).body("cash.balanceKrw", equalTo(1500));

        // the console's run page shows where each store stands
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(given().cookie(ConsoleLogins.session(Tokens.operator()))
                .get("/console/campaigns/" + campaign + "/runs/" + runId + "?lang=en").then().statusCode(200).extract().asString());
        assertThat(page.select("#run-stores tr[data-store=apple] th").text()).isEqualTo("App Store");
        assertThat(page.select("#run-stores tr[data-store=apple] td").eachText()).containsExactly("0", "1", "2", "–");
        assertThat(page.select("#run-stores tr[data-store=google] td").eachText()).containsExactly("0", "1", "1", "–");

        // a second run asks no store again and credits nothing again
        String state = Database.entitlementState();
        int served = FakeStores.requestsServed();
        Campaigns.runToCompletion(campaign, "store-run-2");
        assertThat(Database.entitlementState()).isEqualTo(state);
        assertThat(FakeStores.requestsServed()).isEqualTo(served);
    }

    @Test
    void theNoticeOfAStoreCampaignIsRecognisedAsRealFallbackIncluded() {
        Campaigns.define(storeMusic("MELON-STORE-NOTICE"));
        // the compensation it describes is real (the fallback cash too), but it is not the campaign's own announcement
        given().queryParam("offer", "[멜론] 서비스 장애 보상 안내: 이용 기간 3일 연장, 앱스토어·구글 플레이 결제는 스토어에서 결제일 3일 연장"
                        + "(연장이 불가한 경우 1,500원 캐시)")
                .when().get("/api/v1/public/compensations/verify").then().statusCode(200)
                .body("verdict", equalTo("unverified")).body("matches[0].code", equalTo("MELON-STORE-NOTICE"));
        given().queryParam("offer", "멜론 장애 보상: 앱스토어 결제 회원 5,000원 캐시")
                .when().get("/api/v1/public/compensations/verify").then().statusCode(200)
                .body("verdict", equalTo("not_official"));
        given().when().get("/api/v1/public/compensations").then().statusCode(200)
                .body("find { it.code == 'MELON-STORE-NOTICE' }.offers[1].remedies[0].type", equalTo("store_extension"))
                .body("find { it.code == 'MELON-STORE-NOTICE' }.offers[1].remedies[0].fallback.amountKrw", equalTo(1500))
                .body("find { it.code == 'MELON-STORE-NOTICE' }.offers[1].whoGetsIt", org.hamcrest.Matchers.containsString("apple, google"));
    }

    @Test
    void rateLimitsOutagesAndLostAnswersNeverExtendTwice() {
        FakeStores.rateLimitNext(2);
        FakeStores.failNext(1);
        // the stores act on the next two requests but their answers are lost on the way back
        FakeStores.loseAnswersOfNext(2);
        UUID campaign = Campaigns.define(storeMusic("MELON-STORE-FAULTS"));
        Campaigns.runToCompletion(campaign, "faults-1");

        assertThat(FakeStores.timesExtendedByApple("1000000001", Instant.now().minus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(FakeStores.appleRenewal("1000000001")).isEqualTo(APPLE_RENEWAL.plus(Duration.ofDays(3)));
        assertThat(FakeStores.timesDeferredByGoogle("tok-google-ok-000000001")).isEqualTo(1);
        assertThat(FakeStores.googleExpiry("tok-google-ok-000000001")).isEqualTo(GOOGLE_EXPIRY.plus(Duration.ofDays(3)));
        assertThat(Database.count("select count(*) from store_request where state = 'EXTENDED' and run_id is not null "
                + "and store_ref in ('1000000001', 'tok-google-ok-000000001')")).isEqualTo(2);
        assertThat(Database.count("select sum(attempts) from store_request where store_ref in ('1000000001', "
                + "'1000000002', '1000000003', 'tok-google-ok-000000001', 'tok-google-gone-0000001')")).as("the faults were retried")
                .isGreaterThan(5);
        assertThat(balance("apple-extendable")).isZero();
        assertThat(balance("google-deferrable")).isZero();
        assertThat(balance("apple-unknown-to-apple")).isEqualTo(1500);
    }

    @Test
    void aLostAnswerIsSettledFromTheAppStoresRenewalDateNeverWithTheFallbackOnTopOfTheExtension() {
        // what Apple answers a resent requestIdentifier is not documented: here the worst case, a new request
        FakeStores.appleTakesResendsAsNew();
        // 1000000001 was extended once this year by someone else: a resend would be the third, refused as too many
        FakeStores.appleExtendedBefore("1000000001", Instant.now().minus(Duration.ofDays(100)));
        FakeStores.loseNextAnswerAbout("1000000001");
        // 1000000002 (twice this year already) is refused, and that answer is lost too
        FakeStores.loseNextAnswerAbout("1000000002");
        UUID campaign = Campaigns.define(storeMusic("MELON-STORE-LOST"));
        Campaigns.runToCompletion(campaign, "lost-1");

        assertThat(FakeStores.timesExtendedByApple("1000000001", Instant.now().minus(Duration.ofHours(1))))
                .as("the first attempt went through and nothing was resent").isEqualTo(1);
        assertThat(FakeStores.appleRenewal("1000000001")).isEqualTo(APPLE_RENEWAL.plus(Duration.ofDays(3)));
        assertThat(Database.count("select count(*) from store_request where store_ref = '1000000001' and run_id is not null "
                + "and state = 'EXTENDED' and attempts = 2")).as("settled by the second attempt, from the renewal date").isEqualTo(1);
        assertThat(balance("apple-extendable")).as("no fallback on top of the extension").isZero();
        assertThat(billingDate("apple-extendable")).isEqualTo(korean(APPLE_RENEWAL.plus(Duration.ofDays(3))));

        // the date shows no extension by the lost attempt: the resend's refusal is final, and the fallback paid once
        assertThat(FakeStores.timesExtendedByApple("1000000002", Instant.now().minus(Duration.ofHours(1)))).isZero();
        assertThat(balance("apple-twice-this-year")).isEqualTo(1500);
        assertThat(FakeStores.appleStatusReads()).as("each App Store pass read before its first and its second attempt")
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void aRunCompletesOnlyWhenEveryStoreHasAnswered() {
        FakeStores.failNext(1_000_000);
        UUID campaign = Campaigns.define(storeMusic("MELON-STORE-OUTAGE"));
        String runId = Campaigns.startRun(campaign, "outage-1", "{\"chunkSize\":100}").then().statusCode(202).extract().path("runId");
        await().atMost(Duration.ofSeconds(30)).until(() -> FakeStores.requestsServed() >= 10);
        JsonPath run = given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + campaign + "/runs/" + runId)
                .then().statusCode(200).body("state", equalTo("running")).body("chunks.pending", equalTo(0))
                .extract().jsonPath();
        assertThat(run.getInt("stores.find { it.store == 'apple' }.pending")).isEqualTo(3);
        assertThat(run.getString("stores.find { it.store == 'apple' }.lastError")).contains("500");
        assertThat(balance("apple-unknown-to-apple")).as("nothing is known yet, so no fallback yet").isZero();

        FakeStores.failNext(0);
        Campaigns.awaitFinished(campaign, runId);
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + campaign + "/runs/" + runId)
                .then().statusCode(200).body("state", equalTo("completed"));
        assertThat(FakeStores.timesExtendedByApple("1000000001", Instant.now().minus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(balance("apple-unknown-to-apple")).isEqualTo(1500);
    }

    @Test
    void rollbackReportsStoreExtensionsAsIrreversibleAndTakesBackTheFallbackCash() {
        UUID campaign = Campaigns.define(storeMusic("MELON-STORE-ROLLBACK"));
        Campaigns.runToCompletion(campaign, "rb-1");
        JsonPath report = CampaignApprovals.post(campaign, "/rollback", null)
                .statusCode(200).body("state", equalTo("partially_rolled_back")).extract().jsonPath();
        assertThat(report.getMap("conflictsByKind")).containsEntry("STORE_EXTENDED", 2).hasSize(1);
        assertThat(report.getString("conflicts.find { it.userId == 'apple-extendable' }.detail"))
                .contains("the App Store").contains("cannot be undone");
        assertThat(report.getLong("cashReversedKrw")).isEqualTo(6 * 1500);
        assertThat(balance("apple-unknown-to-apple")).isZero();
        assertThat(billingDate("direct-month-end")).isEqualTo("2022-10-30");
        assertThat(FakeStores.appleRenewal("1000000001")).as("nothing can be sent back to a store").isEqualTo(APPLE_RENEWAL.plus(Duration.ofDays(3)));
    }

    @Test
    void storeExtensionTermsThatCannotWorkAreRefusedAndNothingIsStored() {
        String valid = storeMusic("MELON-STORE-BAD");
        String[][] broken = {
                {"\"days\":3,\"fallback\"", "\"days\":91,\"fallback\""},
                {"\"type\":\"store_extension\",\"days\":3,", "\"type\":\"store_extension\",\"days\":0,"},
                {",\"fallback\":{\"type\":\"credit_cash\",\"amountKrw\":1500}", ""},
                {"\"fallback\":{\"type\":\"credit_cash\",\"amountKrw\":1500}", "\"fallback\":{\"type\":\"extend_expiry\",\"days\":3}"},
                {"\"fallback\":{\"type\":\"credit_cash\",\"amountKrw\":1500}", "\"fallback\":{\"type\":\"credit_cash\",\"amountKrw\":0}"},
                {"\"fallback\":{\"type\":\"credit_cash\",\"amountKrw\":1500}", "\"fallback\":{\"type\":\"store_extension\",\"days\":3}"},
                {"[{\"type\":\"store_extension\"", "[{\"type\":\"extend_billing_date\",\"days\":3},{\"type\":\"store_extension\""},
                {"[{\"type\":\"store_extension\",\"days\":3,\"fallback\":{\"type\":\"credit_cash\",\"amountKrw\":1500}}]",
                        "[{\"type\":\"store_extension\",\"days\":3,\"fallback\":{\"type\":\"credit_cash\",\"amountKrw\":1500}},"
                                + "{\"type\":\"store_extension\",\"days\":2,\"fallback\":{\"type\":\"credit_cash\",\"amountKrw\":1000}}]"}};
        String before = Database.fingerprint();
        for (String[] change : broken) {
            String body = valid.replace(change[0], change[1]);
            assertThat(body).as(change[1]).isNotEqualTo(valid);
            given().auth().oauth2(Tokens.operator()).contentType("application/json").body(body)
                    .when().post("/api/v1/campaigns").then().statusCode(422)
                    .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "campaign-rule-violated"))
                    .body("errors.field", hasItem(startsWith("groups[1].remedies")));
        }
        String accounts = valid.replace("\"scope\":\"subscriptions\"", "\"scope\":\"accounts\"")
                .replaceAll("\"match\":\\{[^}]*\\},", "");
        given().auth().oauth2(Tokens.operator()).contentType("application/json").body(accounts)
                .when().post("/api/v1/campaigns").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("groups[1].remedies[0].type"));
        assertThat(Database.fingerprint()).isEqualTo(before);
    }

    @Test
    void storeIdentitiesThatDoNotFitTheirChannelAreRefusedLineByLine() {
        String csv = """
                user_id,product,kind,channel,status,country,started_at,ended_at,next_billing_date,expires_on,store_product_id,store_original_transaction_id,store_purchase_token
                apple-with-token,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,,com.example.melon,1000000009,tok-google-xx-000000001
                google-with-transaction,melon-unlimited,recurring,google,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,,melon_monthly,1000000010,
                direct-with-store,melon-unlimited,recurring,direct,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,,com.example.melon,1000000011,
                apple-without-product,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,,,1000000012,
                apple-letters-as-transaction,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,,com.example.melon,12ab,
                google-short-token,melon-unlimited,recurring,google,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,,melon_monthly,,abc
                apple-ticket,melon-30day,ticket,apple,active,KR,2021-05-01T00:00:00+09:00,,,2022-12-01,com.example.melon,1000000013,
                apple-fine,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,,com.example.melon,1000000014,
                """;
        long before = Database.count("select count(*) from subscription");
        JsonPath report = given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(csv)
                .when().post("/api/v1/subscriptions/import").then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("imported")).isEqualTo(1);
        assertThat(report.getInt("rejected")).isEqualTo(7);
        assertThat(report.getList("rejections.reason", String.class)).allSatisfy(r -> assertThat(r).containsPattern("store_"));
        assertThat(Database.count("select count(*) from subscription")).isEqualTo(before + 1);
        assertThat(Database.text("select store_original_transaction_id from subscription where user_id = 'apple-fine'"))
                .isEqualTo("1000000014");

        // the JSON API applies the same rules
        given().auth().oauth2(Tokens.operator()).contentType("application/json").body("""
                {"userId":"json-apple","product":"melon-unlimited","kind":"recurring","channel":"apple","status":"active","country":"KR",
                 "startedAt":"2021-05-01T00:00:00+09:00","nextBillingDate":"2022-10-25","storeProductId":"com.example.melon",
                 "storePurchaseToken":"tok-google-xx-000000001"}""")
                .when().post("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).contentType("application/json").body("""
                {"userId":"json-apple","product":"melon-unlimited","kind":"recurring","channel":"apple","status":"active","country":"KR",
                 "startedAt":"2021-05-01T00:00:00+09:00","nextBillingDate":"2022-10-25","storeProductId":"com.example.melon",
                 "storeOriginalTransactionId":"1000000015"}""")
                .when().post("/api/v1/subscriptions").then().statusCode(201)
                .body("storeOriginalTransactionId", equalTo("1000000015")).body("storePurchaseToken", equalTo(null));
        assertThat(Database.count("select count(*) from subscription")).isEqualTo(before + 2);
    }

    private static String billingDate(String user) {
        return Database.text("select next_billing_date::text from subscription where user_id = '" + user + "'");
    }

    private static long balance(String user) {
        return Database.count("select coalesce((select balance_krw from wallet where user_id = '" + user + "'), 0)");
    }

    private static String korean(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneId.of("Asia/Seoul")).toString();
    }
}
