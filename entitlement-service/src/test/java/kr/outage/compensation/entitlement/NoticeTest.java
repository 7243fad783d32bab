package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.service.ContactBook;
import kr.outage.compensation.entitlement.service.NoticeWorker;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.NoticeChannels;
import kr.outage.compensation.platform.testing.ConsoleLogins;
import kr.outage.compensation.platform.testing.Tokens;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Notices end to end: written with each grant, delivered by the real channels (an SMTP server and a
 * messaging provider over HTTP, see {@link NoticeChannels}) or kept in the person's own view, each with
 * a code the public verifier checks: the notice word for word is official, a changed one is altered
 * (with what changed), an unknown code is said so. Contact details are stored encrypted and shown masked.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
@QuarkusTestResource(NoticeChannels.class)
class NoticeTest {

    private static final String SUBSCRIPTIONS = """
            user_id,product,kind,channel,status,country,started_at,ended_at,next_billing_date,expires_on
            by-phone,melon-unlimited,recurring,direct,active,KR,2022-01-30T10:00:00+09:00,,2022-10-30,
            by-email,melon-unlimited,recurring,direct,active,KR,2022-02-27T10:00:00+09:00,,2023-02-27,
            abroad,melon-unlimited,recurring,direct,active,US,2022-02-27T10:00:00+09:00,,2023-02-27,
            unreachable,melon-30day,ticket,direct,active,KR,2022-10-11T09:00:00+09:00,,,2022-11-10
            in-app,melon-unlimited,recurring,apple,active,KR,2021-05-01T00:00:00+09:00,,2022-10-25,
            no-contact,melon-30day,ticket,partner,active,KR,2022-10-01T00:00:00+09:00,,,2022-12-01
            """;
    private static final String CONTACTS = """
            user_id,email,phone
            by-phone,,010-1234-5678
            by-email,Reader@Example.com,
            abroad,abroad@example.com,
            unreachable,,010-9999-0000
            in-app,bounce@example.com,
            """;

    @Inject
    NoticeWorker worker;
    @Inject
    ContactBook contactBook;

    @BeforeEach
    void fixture() {
        Database.clean();
        NoticeChannels.reset();
        IncidentServiceStub.stubTheFire();
        given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(SUBSCRIPTIONS)
                .when().post("/api/v1/subscriptions/import").then().statusCode(200).body("imported", equalTo(6));
    }

    @Test
    void everyGrantIsToldOnceByItsChannelAndItsNoticeIsOfficialWordForWord() {
        importContacts(CONTACTS).body("stored", equalTo(5)).body("rejected", equalTo(0));
        NoticeChannels.UNREACHABLE.put("+821099990000", "NOT_A_MOBILE_NUMBER");
        NoticeChannels.NO_SUCH_MAILBOX.add("bounce@example.com");
        UUID campaign = Campaigns.define(Campaigns.music("MELON-2022-1015"));
        Campaigns.runToCompletion(campaign, "notice-run-1");
        awaitSettled();

        // one notice per grant, each with its own code
        assertThat(Database.count("select count(*) from notice")).isEqualTo(Database.count("select count(*) from campaign_grant"))
                .isEqualTo(6);
        assertThat(Database.count("select count(distinct code) from notice")).isEqualTo(6);
        assertThat(states()).containsEntry("by-phone", "SENT").containsEntry("by-email", "SENT").containsEntry("abroad", "SENT")
                .containsEntry("unreachable", "FAILED").containsEntry("in-app", "FAILED").containsEntry("no-contact", "KEPT");

        // the provider got the Korean notice for the Korean number, once, under the notice's code
        assertThat(NoticeChannels.DELIVERED).hasSize(1);
        NoticeChannels.Message sms = NoticeChannels.DELIVERED.peek();
        assertThat(sms.recipient()).isEqualTo("+821012345678");
        assertThat(sms.language()).isEqualTo("ko");
        assertThat(sms.templateCode()).isEqualTo("COMPENSATION_NOTICE");
        String phoneNotice = view("by-phone").getString("notices[0].text");
        assertThat(sms.text()).isEqualTo(phoneNotice).contains("확인 코드 " + sms.reference())
                .startsWith(Campaigns.announcementText("music_campaign.json", "ko"));

        // e-mail: Korean to a Korean account, English abroad; the refused mailbox is recorded, not retried
        assertThat(NoticeChannels.EMAILS).hasSize(2);
        assertThat(NoticeChannels.EMAILS.stream().flatMap(e -> e.to().stream())).containsExactlyInAnyOrder("reader@example.com",
                "abroad@example.com");
        String abroad = NoticeChannels.EMAILS.stream().filter(e -> e.to().contains("abroad@example.com")).findFirst().orElseThrow().data();
        assertThat(abroad).contains("Check code " + view("abroad").getString("notices[0].code"));
        assertThat(view("in-app").getString("notices[0].state")).isEqualTo("failed");

        // the person's view: masked recipient, the text, when
        JsonPath byEmail = view("by-email");
        assertThat(byEmail.getString("notices[0].recipient")).isEqualTo("r***@example.com");
        assertThat(byEmail.getString("notices[0].channel")).isEqualTo("email");
        assertThat(byEmail.getString("notices[0].sentAt")).isNotNull();
        assertThat(view("no-contact").getString("notices[0].state")).isEqualTo("kept");
        assertThat(view("no-contact").getString("notices[0].recipient")).isNull();

        // the verifier: the notice word for word is official, and says when and to whom (masked)
        JsonPath official = verify(phoneNotice);
        assertThat(official.getString("verdict")).isEqualTo("official");
        assertThat(official.getString("reasons[0].code")).isEqualTo("sent-notice");
        assertThat(official.getString("reasons[0].en")).contains("010-****-5678").contains(sms.reference());
        assertThat(verify(view("no-contact").getString("notices[0].text")).getString("verdict")).isEqualTo("official");

        // changed wording under a real code: altered, with what was added and left out
        JsonPath altered = verify(phoneNotice.replace("따로 하실 일은 없습니다.", "받으실 계좌번호를 회신해 주세요."));
        assertThat(altered.getString("verdict")).isEqualTo("altered");
        assertThat(altered.getList("reasons.code", String.class)).contains("altered-notice", "words-added", "words-removed");
        assertThat(altered.getBoolean("official")).isFalse();

        // a code no notice has, and a notice that never reached anyone: not official
        JsonPath unknown = verify(phoneNotice.replace(sms.reference(), "0000-0000-0001"));
        assertThat(unknown.getString("verdict")).isEqualTo("not_official");
        assertThat(unknown.getString("reasons[0].code")).isEqualTo("no-such-notice-code");
        String failedText = view("unreachable").getString("notices[0].text");
        assertThat(verify(failedText).getString("verdict")).isEqualTo("not_official");

        // the operators' count, with the first failures masked
        JsonPath progress = given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/campaigns/" + campaign + "/notices")
                .then().statusCode(200).extract().jsonPath();
        assertThat(progress.getInt("sent")).isEqualTo(3);
        assertThat(progress.getInt("kept")).isEqualTo(1);
        assertThat(progress.getInt("failed")).isEqualTo(2);
        assertThat(progress.getList("firstFailures.recipient", String.class)).containsExactlyInAnyOrder("010-****-0000", "b***@example.com");
        assertThat(progress.getList("firstFailures.reason", String.class)).anyMatch(r -> r.contains("NOT_A_MOBILE_NUMBER"));
        assertThat(progress.prettify()).doesNotContain("9999").doesNotContain("bounce@");
        given().auth().oauth2(Tokens.subscriber("by-phone")).when().get("/api/v1/campaigns/" + campaign + "/notices")
                .then().statusCode(403);
        // and the campaign's console page says the same
        var session = ConsoleLogins.session(Tokens.operator());
        var page = Jsoup.parse(given().cookie(session).get("/console/campaigns/" + campaign).then().statusCode(200).extract().asString());
        assertThat(page.select("#notices [data-state=sent]").text()).isEqualTo("3");
        assertThat(page.select("#notices [data-state=failed]").text()).isEqualTo("2");
        assertThat(page.select("#notice-failures li")).hasSize(2);
    }

    @Test
    void aProviderThatSaysSlowDownIsHonouredAndALostAnswerIsNotSentTwice() {
        importContacts("user_id,email,phone\nby-phone,,010-1234-5678\nunreachable,,010-2222-3333\n");
        NoticeChannels.slowDownNext = 1;
        NoticeChannels.slowDownSeconds = 1;
        NoticeChannels.loseAnswerNext = 1;
        UUID campaign = Campaigns.define(Campaigns.music("MELON-2022-1015"));
        Campaigns.runToCompletion(campaign, "notice-run-2");
        awaitSettled();

        assertThat(states()).containsEntry("by-phone", "SENT").containsEntry("unreachable", "SENT");
        // both were asked more than once (one slowed down, one lost its answer), each delivered once
        assertThat(NoticeChannels.DELIVERED).hasSize(2);
        assertThat(NoticeChannels.DELIVERED.stream().map(NoticeChannels.Message::reference).distinct()).hasSize(2);
        assertThat(NoticeChannels.REQUESTS_PER_REFERENCE.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
        assertThat(Database.count("select count(*) from notice where attempts >= 2 and state = 'SENT'")).isEqualTo(2);
    }

    @Test
    void anEmailWhoseSenderDiedWithTheServerIsNeverSentAgain() {
        importContacts("user_id,email,phone\nby-email,reader@example.com,\n");
        UUID campaign = Campaigns.define(Campaigns.music("MELON-2022-1015"));
        Campaigns.runToCompletion(campaign, "notice-run-3");
        awaitSettled();
        NoticeChannels.EMAILS.clear();
        // what a worker killed after handing the e-mail over leaves behind: SENDING, handed over, lease run out
        Database.execute("update notice set state = 'SENDING', handed_at = now(), channel = 'EMAIL', attempts = 1, "
                + "not_before = now() - interval '1 second' where user_id = 'by-email'");
        worker.wakeUp();
        await().atMost(Duration.ofSeconds(20)).until(() -> "UNCERTAIN".equals(states().get("by-email")));
        assertThat(NoticeChannels.EMAILS).isEmpty();
        assertThat(view("by-email").getString("notices[0].state")).isEqualTo("uncertain");
    }

    @Test
    void contactDetailsAreCheckedStoredEncryptedShownMaskedAndPurged() {
        var report = importContacts("""
                user_id,email,phone
                by-phone,,010-1234-5678
                by-email,not-an-address,
                abroad,,12345
                unreachable,,
                nobody-knows-me,x@example.com,
                """).extract().jsonPath();
        assertThat(report.getInt("stored")).isEqualTo(1);
        assertThat(report.getInt("rejected")).isEqualTo(3);
        assertThat(report.getInt("unknownAccounts")).isEqualTo(1);
        assertThat(report.getList("rejections.line", Integer.class)).containsExactly(3, 4, 5);
        assertThat(report.getString("rejections[0].reason")).contains("email");
        // nothing but the masked form in clear
        assertThat(Database.text("select phone_sealed from account_contact")).startsWith("enc1:").doesNotContain("1234");
        assertThat(Database.text("select phone_masked from account_contact")).isEqualTo("010-****-5678");
        assertThat(Database.count("select count(*) from account_contact where user_id = 'nobody-knows-me'")).isZero();
        assertThat(Database.count("select count(*) from entitlement_audit where coalesce(after_state::text, '') || coalesce(before_state::text, '') like '%5678%'")).isZero();

        // a wrong retention, a missing header, a wrong role: refused, nothing stored
        String before = Database.text("select string_agg(user_id || phone_sealed, ',') from account_contact");
        given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(CONTACTS).queryParam("retainDays", "0")
                .when().post("/api/v1/contacts/import").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(CONTACTS).queryParam("retainDays", "many")
                .when().post("/api/v1/contacts/import").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).contentType("text/csv").body("user_id,phone\nby-phone,010-1111-2222\n")
                .when().post("/api/v1/contacts/import").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.subscriber("by-phone")).contentType("text/csv").body(CONTACTS)
                .when().post("/api/v1/contacts/import").then().statusCode(403);
        assertThat(Database.text("select string_agg(user_id || phone_sealed, ',') from account_contact")).isEqualTo(before);

        // retention: gone when its time is up
        Database.execute("update account_contact set purge_after = now() - interval '1 second'");
        assertThat(contactBook.purgeExpired()).isEqualTo(1);
        assertThat(Database.count("select count(*) from account_contact")).isZero();
    }

    private static io.restassured.response.ValidatableResponse importContacts(String csv) {
        return given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(csv)
                .when().post("/api/v1/contacts/import").then().statusCode(200);
    }

    private void awaitSettled() {
        worker.wakeUp();
        try {
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Database.count("select count(*) from notice where state in ('QUEUED', 'SENDING')") == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("notices not settled: " + Database.texts("select user_id || ' ' || state || ' ' || attempts "
                    + "|| ' ' || coalesce(last_error, '') || ' due ' || not_before from notice"), e);
        }
    }

    private static Map<String, String> states() {
        Map<String, String> out = new java.util.HashMap<>();
        for (String row : Database.texts("select user_id || '=' || state from notice")) {
            String[] kv = row.split("=");
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    private static JsonPath view(String userId) {
        return given().auth().oauth2(Tokens.subscriber(userId)).when().get("/api/v1/users/" + userId + "/entitlements")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath verify(String text) {
        return given().queryParam("offer", text).when().get("/api/v1/public/compensations/verify")
                .then().statusCode(200).extract().jsonPath();
    }

}
