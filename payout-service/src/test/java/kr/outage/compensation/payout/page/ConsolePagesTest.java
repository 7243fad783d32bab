package kr.outage.compensation.payout.page;

import kr.outage.compensation.platform.testing.ConsoleLogins;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kr.outage.compensation.payout.support.Claims;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.MovableClock;
import kr.outage.compensation.platform.testing.Tokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The committee's console at the HTTP level: the decision form's refusals change nothing; claims stay private. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class ConsolePagesTest {

    final String reviewer = Tokens.withRoles("reviewer-kim@example.com", "claims-reviewer");
    final String approver = Tokens.withRoles("approver-lee@example.com", "payout-approver");

    String program;
    String claim;

    @BeforeEach
    void aLargeClaimAwaitsReview() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        MovableClock.INSTANCE.reset();
        program = Programs.create(Programs.fire2022());
        claim = Claims.file(program, Claims.restaurant(1, 10_000_000), "owner-1");
    }

    @Test
    void theQueueShowsTheWaitingClaim() {
        Document queue = html(given().cookie(ConsoleLogins.session(reviewer)).get("/console/reviews?program=" + program), 200);
        assertThat(queue.select("#queue tbody tr").eachAttr("data-claim")).containsExactly(claim);
        assertThat(queue.select("#queue-count").text()).isEqualTo("심사를 기다리는 신청 1건");
        assertThat(queue.select("header a[lang=en]").attr("href")).isEqualTo("?lang=en&program=" + program);
        Document page = html(given().cookie(ConsoleLogins.session(reviewer)).get("/console/reviews/" + claim), 200);
        assertThat(page.select("#claim-state").attr("data-state")).isEqualTo("awaiting_review");
        assertThat(page.select("#claim").text()).doesNotContain("110-");
        assertThat(page.select("#assessment").text()).containsPattern("\\d+시간 \\d+분");
    }

    @Test
    void everyBadFormIsRefusedOnThePageAndChangesNothing() {
        Map<String, Long> before = Database.rowCounts();
        record Form(String decision, String amount, String reason, String evidence, int status, String says) {
        }
        for (Form form : new Form[]{
                new Form("pay-now", "", "x", "", 400, "decision"),
                new Form("recommend", "seven hundred", "x", "", 400, "amount"),
                new Form("recommend", "-5", "x", "", 400, "amount"),
                new Form("recommend", "700000", " ", "", 400, "reason"),
                new Form("request_evidence", "", "x", "Sales Ledger!", 400, "evidenceTypes"),
                new Form("approve", "", "approve without a recommendation", "", 403, "approve")}) {
            Response response = given().cookie(ConsoleLogins.session(reviewer)).formParam("decision", form.decision())
                    .formParam("amount", form.amount()).formParam("reason", form.reason())
                    .formParam("evidenceTypes", form.evidence()).post("/console/reviews/" + claim);
            Document page = html(response, form.status());
            assertThat(page.select("#refused").text()).as(form.toString()).containsIgnoringCase(form.says());
            assertThat(page.select("#claim-state").attr("data-state")).isEqualTo("awaiting_review");
        }
        assertThat(Database.rowCounts()).isEqualTo(before);
    }

    @Test
    void aDecisionThroughTheFormIsTheApisDecision() {
        Response saved = given().cookie(ConsoleLogins.session(reviewer)).redirects().follow(false)
                .formParam("decision", "recommend").formParam("amount", "700,000").formParam("reason", "ledger matches")
                .post("/console/reviews/" + claim);
        assertThat(saved.statusCode()).isEqualTo(303);
        given().auth().oauth2(reviewer).get("/api/v1/claims/" + claim).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("recommended"))
                .body("decision.recommendedAmount", org.hamcrest.Matchers.equalTo(700000))
                .body("decision.recommendedBy", org.hamcrest.Matchers.equalTo("reviewer-kim@example.com"));
    }

    @Test
    void anObjectionWaitsInTheQueueAndIsAnsweredThroughTheFormsWithFourEyes() {
        given().auth().oauth2(reviewer).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("decision", "reject", "reason", "no ledger")).post("/api/v1/claims/" + claim + "/review")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.businessOwner("owner-1")).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("reason", "The ledger was sent by post", "documents", java.util.List.of(Map.of("type", "sales_ledger", "ref", "post/42"))))
                .post("/api/v1/claims/" + claim + "/objection").then().statusCode(201);
        Document queue = html(given().cookie(ConsoleLogins.session(reviewer)).get("/console/reviews?program=" + program), 200);
        assertThat(queue.select("#objections tbody tr").eachAttr("data-objection")).containsExactly(claim);
        assertThat(queue.select("#objections").text()).contains("반려", "접수 (추천 대기)");

        // a bad form is refused on the page and changes nothing
        String before = Database.fingerprint();
        Response refused = given().cookie(ConsoleLogins.session(reviewer)).formParam("decision", "recommend")
                .formParam("outcome", "amended").formParam("amount", "lots").formParam("reason", "x")
                .post("/console/reviews/" + claim + "/objection");
        assertThat(html(refused, 400).select("#refused").text()).contains("amount");
        Response early = given().cookie(ConsoleLogins.session(approver)).formParam("decision", "decide")
                .formParam("reason", "too early").post("/console/reviews/" + claim + "/objection");
        assertThat(html(early, 409).select("#objection-state").attr("data-state")).isEqualTo("filed");
        assertThat(Database.fingerprint()).isEqualTo(before);

        given().cookie(ConsoleLogins.session(reviewer)).redirects().follow(false).formParam("decision", "recommend")
                .formParam("outcome", "amended").formParam("amount", "600,000").formParam("reason", "ledger shows the loss")
                .post("/console/reviews/" + claim + "/objection").then().statusCode(303);
        given().cookie(ConsoleLogins.session(approver)).redirects().follow(false).formParam("decision", "decide")
                .formParam("reason", "agreed").post("/console/reviews/" + claim + "/objection").then().statusCode(303);
        Document page = html(given().cookie(ConsoleLogins.session(approver)).get("/console/reviews/" + claim), 200);
        assertThat(page.select("#objection-state").attr("data-state")).isEqualTo("decided");
        assertThat(page.select("#objection-outcome").text()).contains("금액 변경", "600,000원", "approver-lee@example.com");
        assertThat(page.select("#answer-objection")).isEmpty();
        assertThat(page.select("#claim-state").attr("data-state")).isEqualTo("approved");
        assertThat(page.select("#decisions").text()).contains("이의신청 접수", "이의신청 추천", "이의신청 결정");
        Document after = html(given().cookie(ConsoleLogins.session(reviewer)).get("/console/reviews?program=" + program), 200);
        assertThat(after.select("#objections-empty")).hasSize(1);
    }

    @Test
    void claimsArePrivateToTheCommittee() {
        Response anonymous = given().redirects().follow(false).get("/console/reviews/" + claim);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.header("Location")).contains("/console/payout/login");
        Response owner = given().cookie(ConsoleLogins.session(Tokens.businessOwner("owner-1"))).get("/console/reviews/" + claim);
        assertThat(owner.statusCode()).isEqualTo(403);
        assertThat(owner.body().asString()).doesNotContain("Restaurant").doesNotContain("restaurant");
        Document refused = html(owner, 403);
        assertThat(refused.select("p.problem").text()).contains("owner-1").contains("claims-reviewer");
        assertThat(refused.select("a[href^=/console/payout/login]").attr("href")).contains("next=%2Fconsole%2Freviews%2F" + claim);
        assertThat(refused.select("form[action=/console/payout/logout]")).hasSize(1);
        // the cookie never stands in for the API's bearer token
        given().cookie(ConsoleLogins.session(reviewer)).get("/api/v1/claims/" + claim).then().statusCode(401);
    }

    @Test
    void signingOutEndsTheReviewersSessionOnTheServer() {
        var session = ConsoleLogins.session(reviewer);
        assertThat(session.getName()).isEqualTo("payout-service_session");
        given().cookie(session).get("/console/reviews/" + claim).then().statusCode(200);
        Response out = given().cookie(session).redirects().follow(false).post("/console/payout/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/console/payout/login");
        Response afterwards = given().cookie(session).redirects().follow(false).get("/console/reviews/" + claim);
        assertThat(afterwards.statusCode()).isEqualTo(303);
        assertThat(afterwards.body().asString()).doesNotContain("Restaurant");
        // entitlement-service's sign-in path is not this console's: each service keeps its own sessions
        given().redirects().follow(false).get("/console/login").then().statusCode(404);
    }

    @Test
    void theTransferFileIsForApproversOnly() {
        given().cookie(ConsoleLogins.session(reviewer)).get("/console/batches/00000000-0000-0000-0000-000000000000/transfers.csv")
                .then().statusCode(403);
        Document batches = html(given().cookie(ConsoleLogins.session(approver)).get("/console/batches"), 200);
        assertThat(batches.select("main").text()).contains("지급 배치가 아직 없습니다.");
    }

    @Test
    void theTransferFileIsReleasedInTheConsoleByTwoApprovers() {
        String small = Claims.file(program, Claims.taxi(7, 100_000), "owner-7");
        String batch = given().auth().oauth2(approver).header("Idempotency-Key", "console-b1").when()
                .post("/api/v1/programs/{id}/payout-batches", program).then().statusCode(201).extract().path("id");
        var asking = ConsoleLogins.session(approver);
        var second = ConsoleLogins.session(Tokens.withRoles("approver-park@example.com", "payout-approver"));
        String row = "#batches tr[data-batch=" + batch + "]";
        Document before = html(given().cookie(asking).get("/console/batches"), 200);
        assertThat(before.select(row + " a[download]")).isEmpty();
        given().cookie(asking).redirects().follow(false).post("/console/batches/" + batch + "/approvals").then().statusCode(303);
        Document waiting = html(given().cookie(asking).get("/console/batches"), 200);
        assertThat(waiting.select(row + " td.release").attr("data-release")).isEqualTo("pending");
        assertThat(waiting.select(row + " .approve-release")).as("not their own").isEmpty();
        Document forSecond = html(given().cookie(second).get("/console/batches"), 200);
        String approve = forSecond.select(row + " form[action$=/approve]").attr("action");
        given().cookie(second).redirects().follow(false).post(approve).then().statusCode(303);
        Document released = html(given().cookie(asking).get("/console/batches"), 200);
        String link = released.select(row + " a[download]").attr("href");
        assertThat(link).contains("approval=");
        assertThat(given().cookie(asking).get(link).then().statusCode(200).extract().asString()).contains(small);
        // the link is the asker's: the second approver's session cannot use it
        given().cookie(second).get(link).then().statusCode(409);
    }

    private static Document html(Response response, int status) {
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("text/html");
        return Jsoup.parse(response.body().asString());
    }
}
