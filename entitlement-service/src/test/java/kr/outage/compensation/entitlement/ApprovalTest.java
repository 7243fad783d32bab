package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kr.outage.compensation.entitlement.support.CampaignApprovals;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.security.Roles;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The two-person rule on what moves money or reaches millions: publish, run, rollback. One person,
 * whatever roles they hold, never does it alone; an approval shows what was frozen when asked; it is
 * used once, by the one who asked, for exactly that action and campaign as it was.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class ApprovalTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    static final String APPROVER = Tokens.compensationApprover();
    static final String OTHER_APPROVER = Tokens.withRoles("approver-park@example.com", Roles.COMPENSATION_APPROVER);

    UUID draft;

    @BeforeEach
    void aDraft() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        draft = Campaigns.defineDraft(Campaigns.music("MELON-2022-1015"));
    }

    @Test
    void everyGuardedActionIsRefusedWithoutAnApprovalAndNothingChanges() {
        UUID published = Campaigns.define(Campaigns.cashOnly("CASH-1", 1000, "allow"));
        String before = Database.fingerprint();
        for (String[] call : new String[][]{{draft.toString(), "/publish", "campaign.publish"},
                {published.toString(), "/runs", "campaign.run"}, {published.toString(), "/rollback", "campaign.rollback"}}) {
            given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).header("Idempotency-Key", "k-" + call[1])
                    .body("{}").when().post("/api/v1/campaigns/" + call[0] + call[1]).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "approval-required"))
                    .body("action", equalTo(call[2]))
                    .body("approverRole", equalTo(Roles.COMPENSATION_APPROVER));
        }
        // a made-up or malformed approval is not one
        for (String approval : new String[]{UUID.randomUUID().toString(), "not-an-id", "' or 1=1 --"}) {
            given().auth().oauth2(Tokens.operator()).header("Approval-Id", approval).when()
                    .post("/api/v1/campaigns/" + draft + "/publish").then().statusCode(409)
                    .body("type", equalTo(PROBLEMS + "approval-not-usable"));
        }
        assertThat(Database.fingerprint()).isEqualTo(before);
        state(draft, "draft");
    }

    @Test
    void nobodyApprovesTheirOwnRequestWhateverRolesTheyHold() {
        String both = Tokens.withRoles("operator@example.com", Roles.COMPENSATION_OPERATOR, Roles.COMPENSATION_APPROVER);
        String id = given().auth().oauth2(both).contentType(ContentType.JSON)
                .body(Map.of("action", "campaign.publish", "subject", draft.toString())).when().post("/api/v1/approvals")
                .then().statusCode(201).body("state", equalTo("pending")).body("requestedBy", equalTo("operator@example.com"))
                .body("summary.code", equalTo("MELON-2022-1015")).body("summary.toApply", equalTo(previewToApply(draft)))
                .extract().path("id");
        given().auth().oauth2(both).when().post("/api/v1/approvals/" + id + "/approve").then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "approval-own-request"));
        // the operator role alone cannot decide at all; the approver role alone cannot ask
        given().auth().oauth2(Tokens.withRoles("operator-2@example.com", Roles.COMPENSATION_OPERATOR)).when()
                .post("/api/v1/approvals/" + id + "/approve").then().statusCode(403);
        given().auth().oauth2(APPROVER).contentType(ContentType.JSON)
                .body(Map.of("action", "campaign.publish", "subject", draft.toString())).when().post("/api/v1/approvals")
                .then().statusCode(403);
        assertThat(Database.text("select state from approval_request where id = '" + id + "'")).isEqualTo("PENDING");

        given().auth().oauth2(APPROVER).when().post("/api/v1/approvals/" + id + "/approve").then().statusCode(200)
                .body("state", equalTo("approved")).body("decidedBy", equalTo("approver-lee@example.com"));
        // used by the one who asked, once
        given().auth().oauth2(Tokens.withRoles("operator-2@example.com", Roles.COMPENSATION_OPERATOR)).header("Approval-Id", id)
                .when().post("/api/v1/campaigns/" + draft + "/publish").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "approval-not-usable"));
        given().auth().oauth2(both).header("Approval-Id", id).when().post("/api/v1/campaigns/" + draft + "/publish")
                .then().statusCode(200).body("state", equalTo("published"));
        given().auth().oauth2(both).header("Approval-Id", id).when().post("/api/v1/campaigns/" + draft + "/rollback")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "approval-not-usable"));
        assertThat(Database.text("select state || ' ' || requested_by || ' ' || decided_by from approval_request where id = '" + id + "'"))
                .isEqualTo("USED operator@example.com approver-lee@example.com");
    }

    @Test
    void aRequestWhoseCampaignChangedIsVoidAndAnExpiredOneChangesNothing() {
        Response asked = CampaignApprovals.ask("campaign.publish", draft);
        String id = asked.then().statusCode(201).extract().path("id");
        // the draft is edited after the operator asked: what the approver would approve is not what was asked
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Campaigns.music("MELON-2022-1015").replace("멜론 서비스 장애 보상", "멜론 서비스 장애 보상 (수정)"))
                .when().put("/api/v1/campaigns/" + draft).then().statusCode(200);
        given().auth().oauth2(APPROVER).when().post("/api/v1/approvals/" + id + "/approve").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "approval-voided"));
        assertThat(Database.text("select state from approval_request where id = '" + id + "'")).isEqualTo("VOIDED");

        // approved, then changed before use: void at use too
        String approved = CampaignApprovals.approved("campaign.publish", draft);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Campaigns.music("MELON-2022-1015"))
                .when().put("/api/v1/campaigns/" + draft).then().statusCode(200);
        given().auth().oauth2(Tokens.operator()).header("Approval-Id", approved).when().post("/api/v1/campaigns/" + draft + "/publish")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "approval-voided"));
        state(draft, "draft");

        // expired before a decision, and expired after approval
        String late = CampaignApprovals.ask("campaign.publish", draft).then().statusCode(201).extract().path("id");
        String unused = CampaignApprovals.approved("campaign.publish", draft);
        Database.execute("update approval_request set expires_at = now() - interval '1 minute' where id in ('" + late + "', '"
                + unused + "')");
        given().auth().oauth2(APPROVER).when().post("/api/v1/approvals/" + late + "/approve").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "approval-not-pending"));
        given().auth().oauth2(Tokens.operator()).header("Approval-Id", unused).when().post("/api/v1/campaigns/" + draft + "/publish")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "approval-not-usable"));
        given().auth().oauth2(APPROVER).when().get("/api/v1/approvals/" + late).then().statusCode(200).body("state", equalTo("expired"));
        state(draft, "draft");
    }

    @Test
    void twoApproversAtOnceDecideOnceAndTwoUsesAtOnceActOnce() throws Exception {
        String id = CampaignApprovals.ask("campaign.publish", draft).then().statusCode(201).extract().path("id");
        List<Integer> decisions = inParallel(List.of(
                () -> given().auth().oauth2(APPROVER).when().post("/api/v1/approvals/" + id + "/approve").statusCode(),
                () -> given().auth().oauth2(OTHER_APPROVER).contentType(ContentType.JSON).body("{\"reason\":\"wrong amount\"}")
                        .when().post("/api/v1/approvals/" + id + "/reject").statusCode(),
                () -> given().auth().oauth2(OTHER_APPROVER).when().post("/api/v1/approvals/" + id + "/approve").statusCode()));
        assertThat(decisions).containsOnlyOnce(200).containsOnly(200, 409);

        String approved = CampaignApprovals.approved("campaign.publish", draft);
        List<Integer> uses = inParallel(List.of(
                () -> given().auth().oauth2(Tokens.operator()).header("Approval-Id", approved).when()
                        .post("/api/v1/campaigns/" + draft + "/publish").statusCode(),
                () -> given().auth().oauth2(Tokens.operator()).header("Approval-Id", approved).when()
                        .post("/api/v1/campaigns/" + draft + "/publish").statusCode()));
        assertThat(uses).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(Database.count("select count(*) from entitlement_audit where action = 'CAMPAIGN_PUBLISHED'")).isEqualTo(1);
    }

    @Test
    void aRunRetriedWithItsKeyPresentsTheSameApprovalAndARejectionIsFinal() {
        UUID campaign = Campaigns.define(Campaigns.cashOnly("CASH-2", 1000, "allow"));
        String approval = CampaignApprovals.approved("campaign.run", campaign);
        String first = runWith(campaign, approval, "run-key-1").then().statusCode(202).extract().path("runId");
        String again = runWith(campaign, approval, "run-key-1").then().statusCode(202).extract().path("runId");
        assertThat(again).isEqualTo(first);
        runWith(campaign, approval, "run-key-2").then().statusCode(409).body("type", equalTo(PROBLEMS + "approval-not-usable"));
        Campaigns.awaitFinished(campaign, first);

        String rejected = CampaignApprovals.ask("campaign.rollback", campaign).then().statusCode(201).extract().path("id");
        given().auth().oauth2(APPROVER).contentType(ContentType.JSON).body("{\"reason\":\"\"}").when()
                .post("/api/v1/approvals/" + rejected + "/reject").then().statusCode(400);
        given().auth().oauth2(APPROVER).contentType(ContentType.JSON).body("{\"reason\":\"the amount was right\"}").when()
                .post("/api/v1/approvals/" + rejected + "/reject").then().statusCode(200).body("state", equalTo("rejected"))
                .body("reason", equalTo("the amount was right"));
        given().auth().oauth2(Tokens.operator()).header("Approval-Id", rejected).when().post("/api/v1/campaigns/" + campaign + "/rollback")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "approval-not-usable"));
        given().auth().oauth2(APPROVER).when().post("/api/v1/approvals/" + rejected + "/approve").then().statusCode(409);
        state(campaign, "applied");
    }

    @Test
    void whatWaitsForWhomAndBadRequestsAreRefused() {
        String id = CampaignApprovals.ask("campaign.publish", draft).then().statusCode(201).extract().path("id");
        given().auth().oauth2(APPROVER).when().get("/api/v1/approvals?state=pending").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo(id)).body("[0].summary.toApply", equalTo(previewToApply(draft)));
        given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/approvals").then().statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(Tokens.subscriber("user-1")).when().get("/api/v1/approvals").then().statusCode(403);
        given().when().get("/api/v1/approvals").then().statusCode(401);
        given().auth().oauth2(APPROVER).when().get("/api/v1/approvals?state=maybe").then().statusCode(400);
        long before = Database.count("select count(*) from approval_request");
        for (String body : new String[]{"{\"action\":\"campaign.delete\",\"subject\":\"" + draft + "\"}",
                "{\"action\":\"campaign.publish\",\"subject\":\"x y\"}", "{\"action\":\"campaign.publish\"}", "{}", "[]",
                "{\"action\":\"campaign.publish\",\"subject\":\"" + UUID.randomUUID() + "\"}"}) {
            int status = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body).when()
                    .post("/api/v1/approvals").then().contentType("application/problem+json").extract().statusCode();
            assertThat(status).as(body).isBetween(400, 404);
        }
        assertThat(Database.count("select count(*) from approval_request")).isEqualTo(before);
        given().auth().oauth2(APPROVER).when().post("/api/v1/approvals/" + UUID.randomUUID() + "/approve").then().statusCode(404);
        given().auth().oauth2(APPROVER).when().post("/api/v1/approvals/not-a-uuid/approve").then().statusCode(404);
    }

    private static int previewToApply(UUID campaign) {
        return given().auth().oauth2(Tokens.operator()).when().post("/api/v1/campaigns/" + campaign + "/preview").then()
                .statusCode(200).extract().path("totals.toApply");
    }

    private static Response runWith(UUID campaign, String approval, String key) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .header("Approval-Id", approval).body("{}").when().post("/api/v1/campaigns/" + campaign + "/runs");
    }

    private static void state(UUID campaign, String expected) {
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + campaign).then().statusCode(200)
                .body("state", equalTo(expected));
    }

    private static List<Integer> inParallel(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(call));
            }
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
