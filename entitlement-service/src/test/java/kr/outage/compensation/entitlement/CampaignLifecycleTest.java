package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import kr.outage.compensation.entitlement.support.CampaignApprovals;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * draft → published → running / applied → rolled back → withdrawn: every transition, every refusal,
 * and nothing changed by a refusal (the campaign row, its runs and every entitlement stay as they were).
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class CampaignLifecycleTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    static final String SUBSCRIPTIONS = """
            user_id,product,kind,channel,status,country,started_at,ended_at,next_billing_date,expires_on
            direct-1,melon-unlimited,recurring,direct,active,KR,2021-03-01T10:00:00+09:00,,2022-10-25,
            apple-1,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-11-05,
            """;

    @BeforeEach
    void fixture() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        Campaigns.importCsv("/api/v1/subscriptions/import", SUBSCRIPTIONS, 200);
    }

    @Test
    void aDraftIsPreviewableButNotPublicNotRunnableAndNotWithdrawable() {
        UUID draft = Campaigns.defineDraft(Campaigns.music("MELON-2022-1015"));
        given().when().get("/api/v1/public/compensations").then().statusCode(200).body("code", not(hasItem("MELON-2022-1015")));
        given().queryParam("code", "MELON-2022-1015").when().get("/api/v1/public/compensations/verify").then()
                .body("verdict", equalTo("not_official"));
        given().queryParam("offer", "멜론 이용권 3일 연장").when().get("/api/v1/public/compensations/verify").then()
                .body("verdict", equalTo("not_official"));
        post(draft, "/preview", null).statusCode(200).body("totals.toApply", equalTo(2));

        String before = campaignRow(draft) + Database.entitlementState();
        Campaigns.startRun(draft, "run-on-draft", "{}").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "campaign-not-published"));
        post(draft, "/withdraw", "{\"reason\":\"never mind\"}").statusCode(409).body("type", equalTo(PROBLEMS + "campaign-not-published"));
        post(draft, "/rollback", null).statusCode(409).body("type", equalTo(PROBLEMS + "campaign-not-published"));
        assertThat(campaignRow(draft) + Database.entitlementState()).isEqualTo(before);
        assertThat(Database.count("select count(*) from campaign_run")).isZero();
        state(draft, "draft");
    }

    @Test
    void aDraftIsEditedWholeAndAuditedAndThePublishedOneIsNot() {
        UUID draft = Campaigns.defineDraft(Campaigns.music("MELON-2022-1015"));
        Campaigns.defineDraft(Campaigns.music("MELON-OTHER-1"));
        String edited = Campaigns.music("MELON-2022-1015").replace("멜론 서비스 장애 보상", "멜론 장애 보상 (수정)")
                .replace("\"days\":3}]}", "\"days\":2}]}");
        put(draft, edited).statusCode(200).body("title", equalTo("멜론 장애 보상 (수정)"))
                .body("groups[0].remedies[0].days", equalTo(2)).body("state", equalTo("draft"));
        assertThat(Database.count("select count(*) from entitlement_audit where action = 'CAMPAIGN_EDITED'")).isEqualTo(1);
        // a code another campaign holds is refused, and the draft keeps its own
        put(draft, Campaigns.music("MELON-OTHER-1")).statusCode(409).body("type", equalTo(PROBLEMS + "duplicate-campaign-code"));
        put(draft, edited.replace("\"days\":2", "\"days\":0")).statusCode(422).body("type", equalTo(PROBLEMS + "campaign-rule-violated"));
        state(draft, "draft").body("code", equalTo("MELON-2022-1015")).body("groups[0].remedies[0].days", equalTo(2));

        post(draft, "/publish", "{\"reason\":\"approved by the compensation board\"}").statusCode(200)
                .body("state", equalTo("published")).body("publishedBy", notNullValue()).body("publishedAt", notNullValue());
        String before = campaignRow(draft);
        post(draft, "/publish", null).statusCode(409).body("type", equalTo(PROBLEMS + "campaign-not-draft"))
                .body("state", equalTo("published"));
        put(draft, Campaigns.music("MELON-2022-1015")).statusCode(409).body("type", equalTo(PROBLEMS + "campaign-not-draft"));
        assertThat(campaignRow(draft)).isEqualTo(before);
        assertThat(Database.text("select after_state->>'reason' from entitlement_audit where action = 'CAMPAIGN_PUBLISHED'"))
                .isEqualTo("approved by the compensation board");
        given().when().get("/api/v1/public/compensations").then().body("code", hasItem("MELON-2022-1015"));
        put(UUID.randomUUID(), edited).statusCode(404);
    }

    @Test
    void anAppliedCampaignIsRolledBackBeforeItIsWithdrawn() {
        UUID campaign = Campaigns.define(Campaigns.music("MELON-2022-1015"));
        Campaigns.runToCompletion(campaign, "apply-1");
        state(campaign, "applied");
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + campaign + "/runs").then()
                .body("[0].state", equalTo("completed"));

        String before = campaignRow(campaign) + Database.entitlementState();
        post(campaign, "/withdraw", "{\"reason\":\"wrong amount\"}").statusCode(409)
                .body("type", equalTo(PROBLEMS + "rollback-required")).body("detail", containsString("roll it back"));
        post(campaign, "/withdraw", "{}").statusCode(400).contentType("application/problem+json");
        post(campaign, "/withdraw", "{\"reason\":\" \"}").statusCode(400);
        assertThat(campaignRow(campaign) + Database.entitlementState()).isEqualTo(before);

        post(campaign, "/rollback", "{\"reason\":\"the wrong amount was announced\"}").statusCode(200)
                .body("state", equalTo("rolled_back"));
        state(campaign, "rolled_back");
        assertThat(Database.text("select after_state->>'reason' from entitlement_audit where action = 'CAMPAIGN_ROLLED_BACK'"))
                .isEqualTo("the wrong amount was announced");
        given().when().get("/api/v1/public/compensations").then().body("find { it.code == 'MELON-2022-1015' }.status",
                equalTo("rolled_back"));
        Campaigns.startRun(campaign, "apply-2", "{}").then().statusCode(409).body("type", equalTo(PROBLEMS + "campaign-rolled-back"));

        post(campaign, "/withdraw", "{\"reason\":\"announced with the wrong amount\"}").statusCode(200)
                .body("state", equalTo("withdrawn")).body("withdrawnReason", equalTo("announced with the wrong amount"))
                .body("withdrawnAt", notNullValue());
        given().when().get("/api/v1/public/compensations").then()
                .body("find { it.code == 'MELON-2022-1015' }.status", equalTo("withdrawn"))
                .body("find { it.code == 'MELON-2022-1015' }.withdrawnAt", notNullValue());
        given().queryParam("offer", "멜론 이용권 3일 연장").when().get("/api/v1/public/compensations/verify").then()
                .body("verdict", equalTo("withdrawn")).body("reasons[0].ko", containsString("철회되었습니다"));

        String withdrawn = campaignRow(campaign);
        post(campaign, "/withdraw", "{\"reason\":\"again\"}").statusCode(409).body("type", equalTo(PROBLEMS + "campaign-withdrawn"));
        Campaigns.startRun(campaign, "apply-3", "{}").then().statusCode(409).body("type", equalTo(PROBLEMS + "campaign-withdrawn"));
        post(campaign, "/publish", null).statusCode(409).body("type", equalTo(PROBLEMS + "campaign-not-draft"));
        assertThat(campaignRow(campaign)).isEqualTo(withdrawn);
        assertThat(Database.text("select string_agg(action || ':' || principal, ',' order by id) from entitlement_audit "
                + "where subject_type = 'campaign' and action like 'CAMPAIGN%'"))
                .isEqualTo("CAMPAIGN_DEFINED:operator@example.com,CAMPAIGN_PUBLISHED:operator@example.com,"
                        + "CAMPAIGN_ROLLED_BACK:operator@example.com,CAMPAIGN_WITHDRAWN:operator@example.com");
    }

    @Test
    void aPublishedCampaignNeverAppliedIsWithdrawnAtOnce() {
        UUID campaign = Campaigns.define(Campaigns.music("MELON-2022-1015"));
        state(campaign, "published");
        post(campaign, "/withdraw", "{\"reason\":\"typo in the title\"}").statusCode(200).body("state", equalTo("withdrawn"));
        assertThat(Database.text("select after_state->>'reason' from entitlement_audit where action = 'CAMPAIGN_WITHDRAWN'"))
                .isEqualTo("typo in the title");
        Campaigns.startRun(campaign, "after-withdrawal", "{}").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "campaign-withdrawn"));
    }

    @Test
    void onlyOperatorsMoveTheLifecycle() {
        UUID draft = Campaigns.defineDraft(Campaigns.music("MELON-2022-1015"));
        given().auth().oauth2(Tokens.auditor()).when().post("/api/v1/campaigns/" + draft + "/publish").then().statusCode(403)
                .contentType("application/problem+json");
        given().when().post("/api/v1/campaigns/" + draft + "/publish").then().statusCode(401);
        given().auth().oauth2(Tokens.subscriber("direct-1")).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/api/v1/campaigns/" + draft + "/withdraw").then().statusCode(403);
        post(UUID.randomUUID(), "/publish", null).statusCode(404).contentType("application/problem+json");
        state(draft, "draft");
    }

    private static ValidatableResponse post(UUID campaign, String path, String body) {
        if (path.equals("/publish") || path.equals("/rollback")) {
            return CampaignApprovals.post(campaign, path, body);
        }
        var request = given().auth().oauth2(Tokens.operator());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/api/v1/campaigns/" + campaign + path).then();
    }

    private static ValidatableResponse put(UUID campaign, String body) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/campaigns/" + campaign).then();
    }

    private static ValidatableResponse state(UUID campaign, String state) {
        return given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + campaign).then().statusCode(200)
                .body("state", equalTo(state));
    }

    private static String campaignRow(UUID campaign) {
        return Database.text("select md5(c::text) from campaign c where id = '" + campaign + "'");
    }
}
