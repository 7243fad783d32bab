package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import kr.outage.compensation.entitlement.support.CampaignApprovals;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The music service's 2022 rule on a fixture with every channel, kind and status and the date edges:
 * each account's exact result, apply twice = once, preview = apply, rollback with conflicts.
 * The outage (Melon) ran from 15:19 KST on Oct 15 to 12:00 KST on Oct 17; the snapshot is Oct 16 00:00 KST.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class MusicCampaignTest {

    static final String FIXTURE = """
            user_id,product,kind,channel,status,country,started_at,ended_at,next_billing_date,expires_on
            direct-month-end,melon-unlimited,recurring,direct,active,KR,2022-01-30T10:00:00+09:00,,2022-10-30,
            direct-february,melon-unlimited,recurring,direct,active,KR,2022-02-27T10:00:00+09:00,,2023-02-27,
            direct-ticket,melon-30day,ticket,direct,active,KR,2022-10-11T09:00:00+09:00,,,2022-11-10
            apple-recurring,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,
            google-recurring,melon-unlimited,recurring,google,active,KR,2021-06-01T00:00:00+09:00,,2022-11-01,
            partner-ticket,melon-30day,ticket,partner,active,KR,2022-10-01T00:00:00+09:00,,,2022-12-01
            ended-on-outage-day,melon-30day,ticket,direct,expired,KR,2022-09-16T00:00:00+09:00,,,2022-10-15
            cancelled-during-outage,melon-unlimited,recurring,direct,cancelled,KR,2022-03-01T00:00:00+09:00,2022-10-15T19:00:00+09:00,,
            ended-before-snapshot,melon-unlimited,recurring,direct,cancelled,KR,2022-01-01T00:00:00+09:00,2022-10-10T12:00:00+09:00,,
            ticket-ended-before-outage,melon-30day,ticket,direct,expired,KR,2022-09-14T00:00:00+09:00,,,2022-10-14
            created-after-snapshot,melon-unlimited,recurring,direct,active,KR,2022-10-17T08:00:00+09:00,,2022-11-17,
            suspended-long-ago,melon-unlimited,recurring,google,suspended,US,2022-01-01T00:00:00+09:00,2022-09-01T00:00:00+09:00,,
            other-product,kakao-emoticon-plus,recurring,direct,active,KR,2022-01-01T00:00:00+09:00,,2022-10-20,
            not-a-row,melon-unlimited,lifetime,direct,active,KR,2022-01-01T00:00:00+09:00,,2022-10-20,
            """;

    /** Every fixture account and what it must hold after the campaign: billing date, expiry, cash. */
    static final Map<String, Object[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("direct-month-end", new Object[]{"2022-11-02", null, 0});
        EXPECTED.put("direct-february", new Object[]{"2023-03-02", null, 0});
        EXPECTED.put("direct-ticket", new Object[]{null, "2022-11-13", 0});
        EXPECTED.put("apple-recurring", new Object[]{"2022-10-25", null, 1500});
        EXPECTED.put("google-recurring", new Object[]{"2022-11-01", null, 1500});
        EXPECTED.put("partner-ticket", new Object[]{null, "2022-12-01", 1500});
        EXPECTED.put("ended-on-outage-day", new Object[]{null, "2022-10-15", 1500});
        EXPECTED.put("cancelled-during-outage", new Object[]{null, null, 1500});
        EXPECTED.put("ended-before-snapshot", new Object[]{null, null, 0});
        EXPECTED.put("ticket-ended-before-outage", new Object[]{null, "2022-10-14", 0});
        EXPECTED.put("created-after-snapshot", new Object[]{"2022-11-17", null, 0});
        EXPECTED.put("suspended-long-ago", new Object[]{null, null, 0});
        EXPECTED.put("other-product", new Object[]{"2022-10-20", null, 0});
    }

    @BeforeEach
    void fixture() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        String report = given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(FIXTURE)
                .when().post("/api/v1/subscriptions/import").then().statusCode(200)
                .body("received", equalTo(14)).body("imported", equalTo(13)).body("rejected", equalTo(1))
                .body("accountsCreated", equalTo(13))
                .body("rejections[0].line", equalTo(15))
                .extract().asString();
        assertThat(report).contains("kind must be one of");
    }

    @Test
    void previewSaysWhatApplyDoesAndEveryAccountGetsExactlyItsRemedy() {
        UUID campaign = Campaigns.define(Campaigns.music("MELON-2022-1015"));
        String before = Database.entitlementState();

        JsonPath preview = given().auth().oauth2(Tokens.operator()).when().post("/api/v1/campaigns/" + campaign + "/preview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(Database.entitlementState()).as("preview changes nothing").isEqualTo(before);
        assertThat(preview.getLong("totals.eligible")).isEqualTo(8);
        assertThat(preview.getLong("totals.days")).isEqualTo(9);
        assertThat(preview.getLong("totals.krw")).isEqualTo(7500);
        assertThat(preview.getList("groups.toApply", Integer.class)).containsExactly(2, 1, 5);
        assertThat(preview.getList("sample.userId", String.class)).contains("direct-february", "apple-recurring");
        Map<String, Object> feb = preview.getMap("sample.find { it.userId == 'direct-february' }");
        assertThat(feb.toString()).contains("nextBillingDate=2023-02-27").contains("nextBillingDate=2023-03-02");

        String runId = Campaigns.runToCompletion(campaign, "music-run-1");
        JsonPath run = given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + campaign + "/runs/" + runId)
                .then().statusCode(200).body("state", equalTo("completed")).extract().jsonPath();
        assertThat(run.getLong("total")).isEqualTo(8);
        assertThat(run.getLong("processed")).isEqualTo(8);
        assertThat(run.getList("groups.applied", Integer.class)).as("apply = preview, group by group").containsExactly(2, 1, 5);
        assertThat(run.getList("failures")).isEmpty();

        assertEveryAccountAsExpected();
        // The person sees it, and what changed it
        given().auth().oauth2(Tokens.subscriber("direct-february")).when().get("/api/v1/users/direct-february/entitlements")
                .then().statusCode(200)
                .body("passes[0].nextBillingDate", equalTo("2023-03-02"))
                .body("passes[0].changes[0].campaignCode", equalTo("MELON-2022-1015"))
                .body("passes[0].changes[0].nextBillingDateBefore", equalTo("2023-02-27"))
                .body("passes[0].changes[0].runId", equalTo(runId));
        given().auth().oauth2(Tokens.subscriber("apple-recurring")).when().get("/api/v1/users/apple-recurring/entitlements")
                .then().statusCode(200).body("cash.balanceKrw", equalTo(1500))
                .body("cash.ledger[0].amountKrw", equalTo(1500)).body("cash.ledger[0].source", equalTo("campaign"));
    }

    @Test
    void applyingTwiceGivesTheSameResultAsOnce() {
        UUID campaign = Campaigns.define(Campaigns.music("MELON-TWICE"));
        String first = Campaigns.runToCompletion(campaign, "twice-1");
        String afterOnce = Database.entitlementState();

        // Same key: the same run, nothing new
        Campaigns.startRun(campaign, "twice-1", "{}").then().statusCode(202).body("runId", equalTo(first));
        // A new run: every subject already granted, so it applies nothing
        String second = Campaigns.runToCompletion(campaign, "twice-2");
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + campaign + "/runs/" + second)
                .then().statusCode(200).body("processed", equalTo(8)).body("applied", equalTo(0));
        assertThat(Database.entitlementState()).isEqualTo(afterOnce);
        assertThat(Database.count("select count(*) from campaign_grant")).isEqualTo(8);
        assertThat(Database.count("select count(*) from wallet_entry")).isEqualTo(5);
        assertEveryAccountAsExpected();
    }

    @Test
    void rollbackRestoresWhatIsStillUntouchedAndReportsEachConflict() {
        UUID campaign = Campaigns.define(Campaigns.music("MELON-ROLLBACK"));
        Campaigns.runToCompletion(campaign, "rb-1");
        long cancelledId = Database.count("select id from subscription where user_id = 'direct-month-end'");
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/subscriptions/" + cancelledId + "/cancellation")
                .then().statusCode(200).body("status", equalTo("cancelled"));
        given().auth().oauth2(Tokens.subscriber("apple-recurring")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "spend-1").body("{\"amountKrw\":1000,\"reason\":\"Single track purchase\"}")
                .when().post("/api/v1/users/apple-recurring/wallet/debits").then().statusCode(201).body("balanceKrw", equalTo(500));

        JsonPath report = CampaignApprovals.post(campaign, "/rollback", null)
                .statusCode(200).body("state", equalTo("partially_rolled_back")).extract().jsonPath();
        assertThat(report.getLong("grantsReversed")).isEqualTo(8);
        assertThat(report.getLong("passesRestored")).isEqualTo(2);
        assertThat(report.getLong("cashReversedKrw")).isEqualTo(4 * 1500 + 500);
        assertThat(report.getMap("conflictsByKind")).containsEntry("PASS_ENDED", 1).containsEntry("CASH_SPENT", 1).hasSize(2);
        assertThat(report.getString("conflicts.find { it.kind == 'CASH_SPENT' }.userId")).isEqualTo("apple-recurring");
        assertThat(report.getString("conflicts.find { it.kind == 'PASS_ENDED' }.userId")).isEqualTo("direct-month-end");

        assertThat(date("direct-february", "next_billing_date")).isEqualTo("2023-02-27");
        assertThat(date("direct-ticket", "expires_on")).isEqualTo("2022-11-10");
        assertThat(date("direct-month-end", "next_billing_date")).as("cancelled since: left as is").isEqualTo("2022-11-02");
        assertThat(balance("google-recurring")).isZero();
        assertThat(balance("apple-recurring")).as("the 500 left was taken back").isZero();
        assertThat(Database.count("select count(*) from entitlement_audit where action = 'CAMPAIGN_ROLLED_BACK'")).isEqualTo(1);

        // Idempotent: again gives the same report and changes nothing
        String afterRollback = Database.entitlementState();
        CampaignApprovals.post(campaign, "/rollback", null)
                .statusCode(200).body("cashReversedKrw", equalTo(6500)).body("conflictCount", equalTo(2));
        assertThat(Database.entitlementState()).isEqualTo(afterRollback);
        // and the campaign cannot be applied again
        Campaigns.startRun(campaign, "rb-2", "{}").then().statusCode(409)
                .body("type", equalTo("https://compensation-suite.example/problems/campaign-rolled-back"));
    }

    @Test
    void aPersonSeesOnlyTheirOwnEntitlements() {
        given().auth().oauth2(Tokens.subscriber("apple-recurring")).when().get("/api/v1/users/direct-february/entitlements")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/users/direct-february/entitlements").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/users/direct-february/entitlements")
                .then().statusCode(200).body("userId", equalTo("direct-february"));
    }

    private static void assertEveryAccountAsExpected() {
        EXPECTED.forEach((user, expected) -> {
            assertThat(date(user, "next_billing_date")).as(user + " next billing date").isEqualTo(expected[0]);
            assertThat(date(user, "expires_on")).as(user + " expiry").isEqualTo(expected[1]);
            assertThat(balance(user)).as(user + " cash").isEqualTo(((Integer) expected[2]).longValue());
        });
        assertThat(Database.count("select count(*) from subscription")).isEqualTo(13);
        assertThat(List.copyOf(EXPECTED.keySet())).hasSize(13);
    }

    private static String date(String user, String column) {
        return Database.text("select " + column + "::text from subscription where user_id = '" + user + "'");
    }

    private static long balance(String user) {
        return Database.count("select coalesce((select balance_krw from wallet where user_id = '" + user + "'), 0)");
    }
}
