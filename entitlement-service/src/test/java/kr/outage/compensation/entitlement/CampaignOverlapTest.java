package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kr.outage.compensation.entitlement.support.CampaignApprovals;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two campaigns for the same incident and service: 'exclude' leaves out exactly the subjects the other
 * one already compensated (as its preview said), 'allow' needs a reason and compensates again, and
 * two 'exclude' campaigns started at the same moment never both grant a subject: their runs take
 * turns, decided in the database.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class CampaignOverlapTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    static final int PASSES = 1200;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void fixture() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        StringBuilder csv = new StringBuilder("user_id,product,kind,channel,status,country,started_at,ended_at,next_billing_date,expires_on\n");
        for (int i = 0; i < PASSES; i++) {
            // every third pass is billed through Apple: the music rule gives it cash, the others +3 days
            csv.append("u-").append(i).append(",melon-unlimited,recurring,").append(i % 3 == 0 ? "apple" : "direct")
                    .append(",active,KR,2021-03-01T10:00:00+09:00,,2022-10-").append(17 + i % 14).append(",\n");
        }
        Campaigns.importCsv("/api/v1/subscriptions/import", csv.toString(), 200);
    }

    @Test
    void excludeLeavesOutExactlyWhatTheOtherCampaignGrantedAndAllowNeedsAReason() {
        UUID music = Campaigns.define(Campaigns.music("MELON-2022-1015"));
        Campaigns.runToCompletion(music, "music-1");

        UUID second = Campaigns.define(Campaigns.cashOnly("MELON-SECOND", 1000, "exclude"));
        var preview = preview(second);
        assertThat(preview.getInt("totals.eligible")).isEqualTo(PASSES);
        assertThat(preview.getInt("totals.excludedByOverlap")).isEqualTo(PASSES);
        assertThat(preview.getInt("totals.toApply")).isZero();
        assertThat(preview.getLong("totals.krw")).isZero();
        assertThat(preview.getString("overlap.policy")).isEqualTo("exclude");
        assertThat(preview.getString("overlap.campaigns[0].code")).isEqualTo("MELON-2022-1015");
        assertThat(preview.getInt("overlap.campaigns[0].overlapping")).isEqualTo(PASSES);
        assertThat(preview.getList("overlap.campaigns[0].sampleUserIds")).hasSize(5);
        assertThat(preview.getList("sample")).isEmpty();

        String before = Database.entitlementState();
        String runId = Campaigns.runToCompletion(second, "second-1");
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + second + "/runs/" + runId).then()
                .body("applied", equalTo(0)).body("excludedByOverlap", equalTo(PASSES)).body("grantedDespiteOverlap", equalTo(0));
        assertThat(Database.entitlementState()).isEqualTo(before);
        assertThat(Database.count("select count(*) from campaign_grant where campaign_id = '" + second + "'")).isZero();

        // a top-up without a reason is refused and stores nothing
        var counts = Database.rowCounts();
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Campaigns.cashOnly("MELON-TOPUP", 500, "allow").replaceAll(",\"overlapReason\":\"[^\"]*\"", ""))
                .when().post("/api/v1/campaigns").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "campaign-rule-violated")).body("errors[0].field", equalTo("overlapReason"));
        assertThat(Database.rowCounts()).isEqualTo(counts);

        UUID topUp = Campaigns.define(Campaigns.cashOnly("MELON-TOPUP", 500, "allow"));
        assertThat(preview(topUp).getInt("totals.toApply")).isEqualTo(PASSES);
        String topUpRun = Campaigns.runToCompletion(topUp, "topup-1");
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + topUp + "/runs/" + topUpRun).then()
                .body("applied", equalTo(PASSES)).body("grantedDespiteOverlap", equalTo(PASSES));
        given().when().get("/api/v1/public/compensations").then()
                .body("find { it.code == 'MELON-TOPUP' }.topUpReason", equalTo("a deliberate top-up for testing"))
                .body("find { it.code == 'MELON-SECOND' }.topUpReason", equalTo(null));
        given().auth().oauth2(Tokens.subscriber("u-1")).when().get("/api/v1/users/u-1/entitlements").then()
                .body("cash.balanceKrw", equalTo(500));
    }

    @Test
    void aRolledBackCampaignReleasesItsSubjectsToTheNextOne() {
        UUID first = Campaigns.define(Campaigns.cashOnly("MELON-FIRST", 1000, "exclude"));
        Campaigns.runToCompletion(first, "first-1");
        UUID second = Campaigns.define(Campaigns.cashOnly("MELON-SECOND", 1500, "exclude"));
        assertThat(preview(second).getInt("totals.toApply")).isZero();
        CampaignApprovals.post(first, "/rollback", null)
                .statusCode(200);
        assertThat(preview(second).getInt("totals.toApply")).isEqualTo(PASSES);
        Campaigns.runToCompletion(second, "second-1");
        assertThat(Database.count("select count(*) from wallet where balance_krw = 1500")).isEqualTo(PASSES);
        assertThat(Database.count("select count(*) from campaign_grant where campaign_id = '" + second + "'")).isEqualTo(PASSES);
    }

    @Test
    void twoExcludeCampaignsStartedTogetherNeverGrantTheSameSubject() throws Exception {
        UUID a = Campaigns.define(Campaigns.cashOnly("MELON-A", 1000, "exclude"));
        UUID b = Campaigns.define(Campaigns.cashOnly("MELON-B", 2000, "exclude"));
        var runA = CompletableFuture.supplyAsync(() -> Campaigns.startRun(a, "a-1", "{\"chunkSize\":100}")
                .then().statusCode(202).extract().<String>path("runId"));
        var runB = CompletableFuture.supplyAsync(() -> Campaigns.startRun(b, "b-1", "{\"chunkSize\":100}")
                .then().statusCode(202).extract().<String>path("runId"));
        Campaigns.awaitFinished(a, runA.get());
        Campaigns.awaitFinished(b, runB.get());

        assertThat(Database.count("select count(*) from (select subject_id from campaign_grant group by subject_id "
                + "having count(*) > 1) twice")).as("subjects granted by both").isZero();
        assertThat(Database.count("select count(distinct subject_id) from campaign_grant")).isEqualTo(PASSES);
        assertThat(Database.count("select count(*) from wallet_entry")).isEqualTo(PASSES);
        long grantedA = Database.count("select count(*) from campaign_grant where campaign_id = '" + a + "'");
        var viewA = given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + a + "/runs/" + runA.get())
                .then().statusCode(200).body("state", equalTo("completed")).extract().jsonPath();
        var viewB = given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + b + "/runs/" + runB.get())
                .then().statusCode(200).body("state", equalTo("completed")).extract().jsonPath();
        assertThat(viewA.getLong("applied")).isEqualTo(grantedA);
        assertThat(viewA.getLong("applied") + viewB.getLong("applied")).isEqualTo(PASSES);
        assertThat(viewA.getLong("applied") + viewA.getLong("excludedByOverlap")).isEqualTo(PASSES);
        assertThat(viewB.getLong("applied") + viewB.getLong("excludedByOverlap")).isEqualTo(PASSES);
        System.out.printf("exclude campaigns started together over %d passes: A granted %d, B granted %d%n",
                PASSES, viewA.getLong("applied"), viewB.getLong("applied"));
    }

    /**
     * The database decides the order: while a run of one campaign is working (here its chunk held by a
     * row lock, as a worker in another replica would hold it), a run of an overlapping campaign waits
     * in preparing, a rollback of an overlapping campaign is refused, and another service's campaign
     * is not held up; once the first run is over, the waiting one starts and leaves out everyone the
     * first one compensated.
     */
    @Test
    void aRunWaitsWhileAnOverlappingCampaignIsBeingApplied() throws Exception {
        UUID a = Campaigns.define(Campaigns.cashOnly("MELON-A", 1000, "exclude"));
        UUID b = Campaigns.define(Campaigns.cashOnly("MELON-B", 2000, "exclude"));
        UUID other = Campaigns.define(Campaigns.giftPack("KAKAO-GIFT", 10));
        UUID runA = UUID.randomUUID();
        long maxId = Database.count("select max(id) from subscription");
        // A's run with one chunk, written while the run is not RUNNING (so no worker can take the chunk yet)
        Database.execute("insert into campaign_run (id, campaign_id, idempotency_key, state, chunk_size, total, requested_by, "
                + "created_at, started_at, finished_at) values ('" + runA + "', '" + a + "', 'held', 'COMPLETED', 100000, "
                + PASSES + ", 'test', now(), now(), now())");
        Database.execute("insert into run_chunk (run_id, chunk_no, from_subject, to_subject, eligible, state) values ('"
                + runA + "', 0, 0, " + (maxId + 1) + ", " + PASSES + ", 'PENDING')");
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var s = holder.createStatement()) {
                // the "worker" holding A's chunk: workers skip a locked chunk, and the run stays RUNNING
                s.execute("select * from run_chunk where run_id = '" + runA + "' for update");
            }
            Database.execute("update campaign_run set state = 'RUNNING', finished_at = null where id = '" + runA + "'");
            String runB = Campaigns.startRun(b, "b-1", "{\"chunkSize\":100}").then().statusCode(202).extract().path("runId");
            String runOther = Campaigns.startRun(other, "other-1", "{}").then().statusCode(202).extract().path("runId");
            Campaigns.awaitFinished(other, runOther);
            Thread.sleep(1000);
            given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + b + "/runs/" + runB).then()
                    .body("state", equalTo("preparing"));
            assertThat(Database.count("select count(*) from campaign_grant where campaign_id = '" + b + "'")).isZero();
            CampaignApprovals.post(b, "/rollback", null)
                    .statusCode(409).body("type", equalTo(PROBLEMS + "run-in-progress"));
            holder.rollback();
            Campaigns.awaitFinished(b, runB);
            given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + b + "/runs/" + runB).then()
                    .body("applied", equalTo(0)).body("excludedByOverlap", equalTo(PASSES));
        }
        assertThat(Database.count("select count(*) from campaign_grant where campaign_id = '" + a + "'")).isEqualTo(PASSES);
        assertThat(Database.count("select count(*) from campaign_grant where campaign_id = '" + b + "'")).isZero();
        assertThat(Database.count("select count(*) from wallet where balance_krw = 1000")).isEqualTo(PASSES);
    }

    private static io.restassured.path.json.JsonPath preview(UUID campaign) {
        return given().auth().oauth2(Tokens.operator()).when().post("/api/v1/campaigns/" + campaign + "/preview")
                .then().statusCode(200).extract().jsonPath();
    }
}
