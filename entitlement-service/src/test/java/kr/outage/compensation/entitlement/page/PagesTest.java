package kr.outage.compensation.entitlement.page;

import kr.outage.compensation.platform.testing.ConsoleLogins;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kr.outage.compensation.platform.security.Roles;
import kr.outage.compensation.entitlement.support.CampaignApprovals;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.Tokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verify page and the campaign console at the HTTP level: what a request without a browser gets,
 * and every way the console's forms and sign-in can be misused.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class PagesTest {

    UUID music;

    @BeforeEach
    void campaigns() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        music = Campaigns.define(Campaigns.music("MELON-2022-1015"));
        Campaigns.define(Campaigns.giftPack("KAKAO-1015-GIFT", 3_000_000));
    }

    @Test
    void theVerifyPageAnswersWithoutJavaScript() {
        Document fake = html(given().queryParam("offer", "멜론 1000일 무료 이용권").get("/compensations/verify"), 200);
        assertThat(fake.select("#answer").attr("data-verdict")).isEqualTo("not_official");
        assertThat(fake.select("#answer h2 .says").text()).isEqualTo("공식 보상이 아닙니다");
        assertThat(fake.select("#offer").text()).isEqualTo("멜론 1000일 무료 이용권");
        assertThat(fake.select("script")).isEmpty();
        // the message never goes into a URL: the form posts it, and the language link does not carry it
        assertThat(fake.select("form[role=search]").attr("method")).isEqualTo("post");
        assertThat(fake.select("header a[lang=en]").attr("href")).isEqualTo("?lang=en");
        Document posted = html(given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("offer", "멜론 1000일 무료 이용권")
                .formParam("lang", "ko").post("/compensations/verify"), 200);
        assertThat(posted.select("#answer").attr("data-verdict")).isEqualTo("not_official");
        assertThat(posted.select("#offer").text()).isEqualTo("멜론 1000일 무료 이용권");
        // the longest message the page takes (2,000 Korean characters, 6,000 bytes) is answered; a longer one is refused on the page
        Document longest = html(given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("offer", "멜론 보상".repeat(400))
                .post("/compensations/verify"), 200);
        assertThat(longest.select("#answer")).isNotEmpty();
        Document tooLong = html(given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("offer", "멜론 보상".repeat(401))
                .post("/compensations/verify"), 200);
        assertThat(tooLong.select(".problem").text()).contains("2000");
        assertThat(tooLong.select("#answer")).isEmpty();
        given().contentType("application/json").body("{\"offer\":\"x\"}").post("/compensations/verify").then().statusCode(415);
        // the service takes streamed imports of gigabytes, but a form is read whole: over 1 MiB it is refused before it is read
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").body("offer=" + "a".repeat(1_100_000))
                .post("/compensations/verify").then().statusCode(413).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("JSON or form body"));

        Document paraphrase = html(given().queryParam("offer", "Melon in-app cash of 1,500 won").queryParam("lang", "en")
                .get("/compensations/verify"), 200);
        assertThat(paraphrase.select("#answer h2 .says").text()).isEqualTo("The compensation is real, but this message is not ours");
        assertThat(paraphrase.select("#answer").text()).contains("MELON-2022-1015").contains("1,500원 cash")
                .contains("applied to eligible accounts automatically");
        Document announcement = html(given().queryParam("offer", Campaigns.announcementText("music_campaign.json", "en"))
                .queryParam("lang", "en").get("/compensations/verify"), 200);
        assertThat(announcement.select("#answer h2 .says").text()).isEqualTo("This is an official compensation");
        assertThat(announcement.select("#answer").text()).contains("word for word").contains("MELON-2022-1015");
        // campaign data is marked with the language it is written in, whatever the page's
        assertThat(fake.select("#official-list tr[data-code=MELON-2022-1015] td strong[lang]").eachAttr("lang")).contains("en");
        assertThat(fake.select("html").attr("lang")).isEqualTo("ko");
        // the registry shows the announcement in the page's language, marked as such
        assertThat(announcement.select("#official-list tr[data-code=MELON-2022-1015] blockquote.announcement[lang=en]").text())
                .isEqualTo(Campaigns.announcementText("music_campaign.json", "en"));

        Document phishing = html(given().queryParam("offer", "멜론 3일 연장 보상 신청: http://melon-event.kr 에서 카드번호 입력")
                .get("/compensations/verify"), 200);
        assertThat(phishing.select("#answer").attr("data-verdict")).isEqualTo("suspicious");
        assertThat(phishing.select("#answer h2 .says").text()).isEqualTo("사기(피싱)로 의심됩니다");
        assertThat(phishing.select("#reasons li").eachAttr("data-reason")).contains("unofficial-link", "card-number", "advice");
        assertThat(phishing.select("#answer").text()).contains("melon-event.kr").contains("카드번호·비밀번호·인증번호");
        // the particle follows the domain's last sound (알 → 로), not "(으)로"
        assertThat(phishing.select("#reasons li[data-reason=unofficial-link]").text()).contains("melon-event.kr로 연결하는");

        // each verdict begins with an icon and a first word of its own, so that official and not official never begin
        // alike; the page's title says it too (what a screen reader announces first), and the answer takes the focus
        assertThat(List.of(fake, paraphrase, announcement, phishing)).extracting(d -> d.select("#answer h2 .word").text())
                .containsExactly("거짓", "Caution", "Confirmed", "위험");
        assertThat(fake.select("#answer h2 .mark").attr("aria-hidden")).isEqualTo("true");
        assertThat(fake.title()).startsWith("거짓: 공식 보상이 아닙니다");
        assertThat(fake.select("#answer").hasAttr("autofocus")).isTrue();
        // what to do next, in short lines: delete and block, the customer centre, 118, 112, the card company
        assertThat(phishing.select("#next-steps li").eachText()).hasSize(5)
                .anySatisfy(line -> assertThat(line).contains("118")).anySatisfy(line -> assertThat(line).contains("112"))
                .anySatisfy(line -> assertThat(line).contains("카드사"));
        assertThat(announcement.select("#next-steps")).as("an official answer asks nothing of anyone").isEmpty();

        Document empty = html(given().get("/compensations/verify"), 200);
        assertThat(empty.select("#answer")).isEmpty();
        assertThat(empty.select("#official-list tbody tr").eachAttr("data-code")).containsExactlyInAnyOrder("MELON-2022-1015", "KAKAO-1015-GIFT");
        // the status word is kept on one line (the page's style), not broken letter by letter
        assertThat(empty.select("#official-list tbody tr")).allSatisfy(row -> assertThat(row.select("td.state")).hasSize(1));
    }

    @Test
    void anOverlongOfferIsRefusedOnThePageAndEscaped() {
        Document page = html(given().queryParam("offer", "a".repeat(1995) + "<b>x</b>").get("/compensations/verify"), 200);
        assertThat(page.select(".problem").text()).contains("at most 2000 characters");
        assertThat(page.select("#answer")).isEmpty();
        assertThat(page.select("textarea b")).isEmpty();
    }

    @Test
    void withoutASessionTheConsoleSendsToSignInAndShowsNothing() {
        Response response = given().redirects().follow(false).get("/console/campaigns/" + music);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/console/login?next=%2Fconsole%2Fcampaigns%2F" + music);
        assertThat(response.body().asString()).doesNotContain("MELON");
    }

    @Test
    void signInKeepsOnlyARandomSessionIdInAStrictHttpOnlyCookie() {
        String token = Tokens.withRoles("operator@example.com", Roles.COMPENSATION_OPERATOR);
        Response signedIn = given().redirects().follow(false).formParam("token", token)
                .formParam("next", "/console/campaigns/" + music).post("/console/login");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/console/campaigns/" + music);
        String cookie = signedIn.header("Set-Cookie");
        assertThat(cookie).startsWith("entitlement-service_session=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/console").doesNotContain(token).doesNotContain(token.substring(0, 20));
        String sessionId = signedIn.getCookie("entitlement-service_session");
        assertThat(sessionId).matches("[A-Za-z0-9_-]{43}");
        // the server keeps who signed in and when, and only a hash of the id
        assertThat(Database.text("select subject from console_session")).isEqualTo("operator@example.com");
        assertThat(Database.count("select count(*) from console_session where id_hash = sha256('" + sessionId + "'::bytea)"))
                .isEqualTo(1);

        Document page = html(given().cookie("entitlement-service_session", sessionId).get("/console/campaigns/" + music), 200);
        assertThat(page.select("h1").text()).contains("MELON-2022-1015");
        assertThat(page.select("#preview-groups tbody tr")).hasSize(3);
        // the raw token in the cookie (as it was kept before) opens nothing
        given().cookie("entitlement-service_session", token).redirects().follow(false).get("/console/campaigns")
                .then().statusCode(303);
    }

    @Test
    void signingOutEndsTheSessionOnTheServerNotJustInTheBrowser() {
        var session = ConsoleLogins.session(Tokens.withRoles("operator@example.com", Roles.COMPENSATION_OPERATOR));
        given().cookie(session).get("/console/campaigns").then().statusCode(200);
        Response out = given().cookie(session).redirects().follow(false).post("/console/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/console/login");
        assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
        // a copy of the cookie kept by anyone (a shared machine, a stolen cookie) is refused afterwards
        Response afterwards = given().cookie(session).redirects().follow(false).get("/console/campaigns");
        assertThat(afterwards.statusCode()).isEqualTo(303);
        assertThat(afterwards.header("Location")).contains("/console/login");
        given().cookie(session).formParam("idempotencyKey", UUID.randomUUID().toString()).redirects().follow(false)
                .post("/console/campaigns/" + music + "/runs").then().statusCode(303);
        assertThat(Database.count("select count(*) from campaign_run")).isZero();
        assertThat(Database.count("select count(*) from console_session where revoked_at is not null")).isEqualTo(1);
    }

    @Test
    void aSessionEndsWhenIdleTooLongAndAtItsAbsoluteLimit() {
        var idle = ConsoleLogins.session(Tokens.withRoles("idle@example.com", Roles.COMPENSATION_OPERATOR));
        var busy = ConsoleLogins.session(Tokens.withRoles("busy@example.com", Roles.COMPENSATION_OPERATOR));
        given().cookie(idle).get("/console/campaigns").then().statusCode(200);
        // 31 minutes without a request (the idle timeout is 30)
        Database.execute("update console_session set last_seen_at = now() - interval '31 minutes' where subject = 'idle@example.com'");
        given().cookie(idle).redirects().follow(false).get("/console/campaigns").then().statusCode(303);
        // used a minute ago, but signed in longer ago than the absolute limit allows
        Database.execute("update console_session set created_at = now() - interval '9 hours', last_seen_at = now() - interval '1 minute', "
                + "expires_at = now() - interval '1 hour' where subject = 'busy@example.com'");
        given().cookie(busy).redirects().follow(false).get("/console/campaigns").then().statusCode(303);
    }

    @Test
    void aSessionNeverOutlivesTheTokenItBeganWith() {
        String shortLived = io.smallrye.jwt.build.Jwt.upn("brief@example.com").groups(Roles.COMPENSATION_OPERATOR)
                .expiresIn(120).sign();
        Response signedIn = given().redirects().follow(false).formParam("token", shortLived).post("/console/login");
        int maxAge = Integer.parseInt(signedIn.header("Set-Cookie").replaceAll(".*Max-Age=([0-9]+).*", "$1"));
        assertThat(maxAge).isBetween(100, 120);
        assertThat(Database.count("select count(*) from console_session where subject = 'brief@example.com' "
                + "and expires_at <= now() + interval '2 minutes'")).isEqualTo(1);
    }

    @Test
    void aForgedOrExpiredTokenDoesNotSignIn() {
        String forged = Tokens.withRoles("operator@example.com", Roles.COMPENSATION_OPERATOR);
        forged = forged.substring(0, forged.length() - 4) + "AAAA";
        for (String token : new String[]{forged, "not a token", ""}) {
            Response refused = given().redirects().follow(false).formParam("token", token).post("/console/login");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.header("Set-Cookie")).isNull();
        }
    }

    @Test
    void signInNeverRedirectsOffTheConsole() {
        String token = Tokens.withRoles("operator@example.com", Roles.COMPENSATION_OPERATOR);
        for (String next : new String[]{"https://evil.example/", "//evil.example/", "/api/v1/campaigns", "/console/\\evil"}) {
            Response signedIn = given().redirects().follow(false).formParam("token", token).formParam("next", next).post("/console/login");
            assertThat(signedIn.header("Location")).as(next).endsWith("/console/campaigns");
        }
    }

    @Test
    void theCookieIsReadOnConsolePathsOnly() {
        String token = Tokens.withRoles("operator@example.com", Roles.COMPENSATION_OPERATOR);
        given().cookie(ConsoleLogins.session(token)).get("/api/v1/campaigns").then().statusCode(401);
        given().cookie(ConsoleLogins.session(token)).contentType("application/json").body("{}")
                .post("/api/v1/campaigns/" + music + "/runs").then().statusCode(401);
        assertThat(Database.count("select count(*) from campaign_run")).isZero();
    }

    @Test
    void aPersonWithoutTheRoleGetsA403AndNoData() {
        String subscriber = Tokens.withRoles("user-00000001");
        Response refused = given().cookie(ConsoleLogins.session(subscriber)).get("/console/campaigns");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body().asString()).doesNotContain("MELON");
        // a page in the reader's language: who is signed in, the role needed, and the ways on
        Document page = html(given().cookie(ConsoleLogins.session(subscriber)).get("/console/campaigns?lang=en"), 403);
        assertThat(page.select("p.problem").text()).contains("user-00000001").contains(Roles.COMPENSATION_OPERATOR);
        assertThat(page.select("form[action=/console/logout] button").text()).isEqualTo("Sign out");
        assertThat(page.select("a[href^=/console/login]").attr("href")).contains("next=%2Fconsole%2Fcampaigns");
        Document korean = html(given().cookie(ConsoleLogins.session(subscriber)).get("/console/campaigns"), 403);
        assertThat(korean.select("h1").text()).isEqualTo("이 페이지를 볼 권한이 없습니다");
        given().cookie(ConsoleLogins.session(Tokens.withRoles("auditor@example.com", Roles.AUDITOR)))
                .formParam("idempotencyKey", UUID.randomUUID().toString()).redirects().follow(false)
                .post("/console/campaigns/" + music + "/runs").then().statusCode(403);
        assertThat(Database.count("select count(*) from campaign_run")).isZero();
    }

    @Test
    void applyingTwiceFromOnePageStartsOneRunAndAMissingKeyIsRefused() {
        String token = Tokens.withRoles("operator@example.com", Roles.COMPENSATION_OPERATOR);
        String key = UUID.randomUUID().toString();
        String approval = CampaignApprovals.approved("campaign.run", music);
        String first = given().cookie(ConsoleLogins.session(token)).formParam("idempotencyKey", key).formParam("approval", approval)
                .redirects().follow(false).post("/console/campaigns/" + music + "/runs").then().statusCode(303).extract().header("Location");
        String second = given().cookie(ConsoleLogins.session(token)).formParam("idempotencyKey", key).formParam("approval", approval)
                .redirects().follow(false).post("/console/campaigns/" + music + "/runs").then().statusCode(303).extract().header("Location");
        assertThat(second).isEqualTo(first);
        Campaigns.awaitFinished(music, first.replaceAll(".*/runs/([0-9a-f-]+).*", "$1"));
        assertThat(Database.count("select count(*) from campaign_run")).isEqualTo(1);

        Document refused = html(given().cookie(ConsoleLogins.session(token)).post("/console/campaigns/" + music + "/runs"), 400);
        assertThat(refused.select(".problem").text()).containsIgnoringCase("Idempotency-Key");
        assertThat(Database.count("select count(*) from campaign_run")).isEqualTo(1);
    }

    @Test
    void theConsoleTakesTwoPeopleToApplyAndShowsWhatWaitsForWhom() {
        var operator = ConsoleLogins.session(Tokens.withRoles("operator@example.com", Roles.COMPENSATION_OPERATOR));
        var approver = ConsoleLogins.session(Tokens.withRoles("approver-lee@example.com", Roles.COMPENSATION_APPROVER));
        var both = ConsoleLogins.session(Tokens.withRoles("operator@example.com", Roles.COMPENSATION_OPERATOR,
                Roles.COMPENSATION_APPROVER));
        Document page = html(given().cookie(operator).get("/console/campaigns/" + music), 200);
        assertThat(page.select("#apply")).as("no approval yet: no Apply button").isEmpty();
        assertThat(page.select("#ask-run")).hasSize(1);
        // without an approval the form is refused on the page, and nothing runs
        Document refused = html(given().cookie(operator).formParam("idempotencyKey", UUID.randomUUID().toString())
                .post("/console/campaigns/" + music + "/runs"), 409);
        assertThat(refused.select(".problem").text()).contains("campaign.run").contains("second person");
        assertThat(Database.count("select count(*) from campaign_run")).isZero();

        given().cookie(operator).formParam("action", "campaign.run").redirects().follow(false)
                .post("/console/campaigns/" + music + "/approvals").then().statusCode(303);
        String approval = Database.text("select id from approval_request where subject = '" + music + "' and action = 'campaign.run'");
        Document asked = html(given().cookie(operator).get("/console/campaigns/" + music + "?lang=en"), 200);
        assertThat(asked.select("#approvals tr[data-approval=" + approval + "] td").first().text()).isEqualTo("Waiting for approval");
        assertThat(asked.select("#approvals .approve")).as("nobody approves their own request").isEmpty();
        // the same person holding both roles may not approve it either
        html(given().cookie(both).redirects().follow(false).post("/console/campaigns/" + music + "/approvals/" + approval
                + "/approve"), 403);
        Document forApprover = html(given().cookie(approver).get("/console/campaigns/" + music), 200);
        assertThat(forApprover.select("#approvals tr[data-approval=" + approval + "] .approve")).hasSize(1);
        assertThat(forApprover.select("#apply, #ask-run")).as("approvers do not apply").isEmpty();
        given().cookie(approver).redirects().follow(false).post("/console/campaigns/" + music + "/approvals/" + approval + "/approve")
                .then().statusCode(303);

        Document approved = html(given().cookie(operator).get("/console/campaigns/" + music), 200);
        assertThat(approved.select("form[action$=/runs] input[name=approval]").attr("value")).isEqualTo(approval);
        String run = given().cookie(operator).formParam("idempotencyKey", approved.select("input[name=idempotencyKey]").attr("value"))
                .formParam("approval", approval).redirects().follow(false).post("/console/campaigns/" + music + "/runs")
                .then().statusCode(303).extract().header("Location");
        Campaigns.awaitFinished(music, run.replaceAll(".*/runs/([0-9a-f-]+).*", "$1"));
        assertThat(Database.text("select state || ' ' || requested_by || ' ' || decided_by from approval_request where id = '"
                + approval + "'")).isEqualTo("USED operator@example.com approver-lee@example.com");
    }

    @Test
    void publishingAndWithdrawingFromTheConsoleNeedTheConfirmationTicked() {
        String token = Tokens.withRoles("operator@example.com", Roles.COMPENSATION_OPERATOR);
        UUID draft = Campaigns.defineDraft(Campaigns.cashOnly("MELON-CONFIRM", 1000, "allow"));
        String approval = CampaignApprovals.approved("campaign.publish", draft);
        Document page = html(given().cookie(ConsoleLogins.session(token)).get("/console/campaigns/" + draft), 200);
        assertThat(page.select("form[action$=/publish] input[name=approval]").attr("value")).isEqualTo(approval);
        assertThat(page.select("#publish-confirm[required]")).hasSize(1);
        assertThat(page.select("form[onsubmit], [onclick]")).as("no script: the pages' CSP allows none").isEmpty();
        Document refused = html(given().cookie(ConsoleLogins.session(token)).redirects().follow(false)
                .post("/console/campaigns/" + draft + "/publish"), 400);
        assertThat(refused.select(".problem").text()).contains("confirm");
        assertThat(Database.text("select state from campaign where id = '" + draft + "'")).isEqualTo("DRAFT");
        given().cookie(ConsoleLogins.session(token)).formParam("confirm", "yes").formParam("approval", approval).redirects().follow(false)
                .post("/console/campaigns/" + draft + "/publish").then().statusCode(303);
        assertThat(Database.text("select state from campaign where id = '" + draft + "'")).isEqualTo("PUBLISHED");
        html(given().cookie(ConsoleLogins.session(token)).formParam("reason", "typed by mistake").redirects().follow(false)
                .post("/console/campaigns/" + draft + "/withdraw"), 400);
        assertThat(Database.text("select state from campaign where id = '" + draft + "'")).isEqualTo("PUBLISHED");
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefusedEvenWithTheSessionCookie() {
        String token = Tokens.withRoles("operator@example.com", Roles.COMPENSATION_OPERATOR);
        var session = ConsoleLogins.session(token);
        String fingerprint = Database.fingerprint();
        long sessions = Database.count("select count(*) from console_session");
        for (String origin : new String[]{"https://evil.example", "http://127.0.0.1.evil.example", "null", "javascript:1",
                kr.outage.compensation.platform.testing.BrowserOrigin.NONE}) {
            Response run = given().cookie(session).header("Origin", origin)
                    .formParam("idempotencyKey", UUID.randomUUID().toString()).redirects().follow(false)
                    .post("/console/campaigns/" + music + "/runs");
            assertThat(run.statusCode()).as(origin).isEqualTo(403);
            assertThat(run.contentType()).startsWith("application/problem+json");
            Response login = given().header("Origin", origin).formParam("token", token).redirects().follow(false).post("/console/login");
            assertThat(login.statusCode()).as(origin).isEqualTo(403);
            assertThat(login.header("Set-Cookie")).isNull();
        }
        assertThat(Database.fingerprint()).isEqualTo(fingerprint);
        assertThat(Database.count("select count(*) from console_session")).isEqualTo(sessions);
        // a browser that sends a Referer of this service's page but no Origin
        Response fromOurPage = given().header("Origin", kr.outage.compensation.platform.testing.BrowserOrigin.NONE)
                .header("Referer", io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/console/login")
                .formParam("token", token).redirects().follow(false).post("/console/login");
        assertThat(fromOurPage.statusCode()).isEqualTo(303);
    }

    private static Document html(Response response, int status) {
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("text/html");
        return Jsoup.parse(response.body().asString());
    }
}
