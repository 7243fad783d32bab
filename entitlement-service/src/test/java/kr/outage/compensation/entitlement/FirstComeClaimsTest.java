package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.MovableClock;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * The capped grant split into slots: grant numbers 1..cap exactly once, the moment the cap is reached
 * recorded and shown, later claimants refused without waiting on any lock, and a unit held by a claim
 * still in flight never refused to someone else until that claim has committed.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class FirstComeClaimsTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";
    static final int ACCOUNTS = 300;
    static final int CAP = 100;

    UUID campaign;

    @BeforeEach
    void fixture() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        MovableClock.INSTANCE.set(Instant.parse("2023-01-06T01:00:00Z"));
        Campaigns.importCsv("/api/v1/accounts/import", Campaigns.domesticAccounts(ACCOUNTS).toString(), 200);
        campaign = Campaigns.define(Campaigns.giftPack("KAKAO-1015-GIFT", CAP));
    }

    @AfterEach
    void resetClock() {
        MovableClock.INSTANCE.reset();
    }

    @Test
    void theCapIsSplitIntoSlotsThatNumberTheGrantsOneToTheCap() {
        assertThat(Database.count("select count(*) from claim_slot")).isEqualTo(64);
        assertThat(Database.count("select sum(quota) from claim_slot")).isEqualTo(CAP);
        // the ranges tile 1..cap without a gap or an overlap
        assertThat(Database.count("select count(*) from claim_slot a join claim_slot b on b.slot = a.slot + 1 "
                + "where b.first_no <> a.first_no + a.quota")).isZero();
        assertThat(Database.count("select min(first_no) from claim_slot")).isEqualTo(1);
    }

    @Test
    void concurrentClaimantsGetEveryNumberFromOneToTheCapOnceAndTheMomentTheLastWentIsRecorded() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String user = "kr-" + i;
            answers.add(pool.submit(() -> claim(user)));
        }
        List<Integer> positions = new ArrayList<>();
        int refused = 0;
        for (Future<Response> a : answers) {
            Response answer = a.get(60, TimeUnit.SECONDS);
            if (answer.statusCode() == 201) {
                positions.add(answer.jsonPath().getInt("position"));
            } else {
                assertThat(answer.statusCode()).isEqualTo(409);
                assertThat(answer.jsonPath().getString("type")).isEqualTo(PROBLEMS + "claim-cap-reached");
                refused++;
            }
        }
        pool.shutdown();
        assertThat(positions).hasSize(CAP).doesNotHaveDuplicates().allMatch(p -> p >= 1 && p <= CAP);
        assertThat(refused).isEqualTo(ACCOUNTS - CAP);
        assertThat(Database.count("select count(*) from campaign_claim")).isEqualTo(CAP);
        assertThat(Database.count("select sum(taken) from claim_slot")).isEqualTo(CAP);
        String lastClaim = Database.text("select to_char(max(claimed_at) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                + "from campaign_claim");
        assertThat(Database.text("select to_char(all_claimed_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                + "from campaign")).isEqualTo(lastClaim);

        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + campaign).then().statusCode(200)
                .body("claims.made", equalTo(CAP)).body("claims.allClaimedAt", equalTo(lastClaim));
        given().when().get("/api/v1/public/compensations").then().statusCode(200)
                .body("find { it.code == 'KAKAO-1015-GIFT' }.claimCap", equalTo(CAP))
                .body("find { it.code == 'KAKAO-1015-GIFT' }.allClaimedAt", equalTo(lastClaim));
        given().when().get("/compensations/verify?lang=en").then().statusCode(200)
                .body(containsString("All claimed: " + "2023-01-06 10:00:00 KST"));
    }

    @Test
    void afterTheCapLaterClaimantsAreRefusedAtOnceEvenWhileTheRowsAreLocked() throws Exception {
        for (int i = 0; i < CAP; i++) {
            claim("kr-" + i).then().statusCode(201);
        }
        claim("kr-" + CAP).then().statusCode(409).body("type", equalTo(PROBLEMS + "claim-cap-reached"))
                .body("allClaimedAt", equalTo("2023-01-06T01:00:00Z"));
        // one who got a pass and asks again is told so, with their grant, not that the passes ran out
        claim("kr-7").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "already-claimed")).body("existingClaim.userId", equalTo("kr-7"))
                .body("existingClaim.position", both(greaterThanOrEqualTo(1)).and(lessThanOrEqualTo(CAP)));
        try (Connection holder = Database.connect(); Statement sql = holder.createStatement()) {
            holder.setAutoCommit(false);
            sql.execute("select * from campaign for update");
            sql.execute("select * from claim_slot for update");
            // with every row of the claim path locked, a later claimant still gets the answer: it needs no lock
            Response answer = CompletableFuture.supplyAsync(() -> claim("kr-" + (CAP + 1))).get(20, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(409);
            assertThat(answer.jsonPath().getString("type")).isEqualTo(PROBLEMS + "claim-cap-reached");
            assertThat(answer.jsonPath().getLong("cap")).isEqualTo(CAP);
            Response again = CompletableFuture.supplyAsync(() -> claim("kr-0")).get(20, TimeUnit.SECONDS);
            assertThat(again.jsonPath().getString("type")).isEqualTo(PROBLEMS + "already-claimed");
            holder.rollback();
        }
        assertThat(Database.count("select count(*) from campaign_claim")).isEqualTo(CAP);
    }

    @Test
    void theLastUnitHeldByAClaimInFlightIsNotRefusedToTheNextClaimantUntilThatClaimCommits() throws Exception {
        for (int i = 0; i < CAP - 1; i++) {
            claim("kr-" + i).then().statusCode(201);
        }
        try (Connection inFlight = Database.connect(); Statement sql = inFlight.createStatement()) {
            inFlight.setAutoCommit(false);
            // another claim has taken the last unit and not yet committed
            assertThat(sql.executeUpdate("update claim_slot set taken = taken + 1 where taken < quota")).isEqualTo(1);
            CompletableFuture<Response> next = CompletableFuture.supplyAsync(() -> claim("kr-" + CAP));
            // the next claimant waits on that unit's lock rather than being told the cap is reached
            long deadline = System.currentTimeMillis() + 20_000;
            while (Database.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                    + "and datname = current_database()") == 0) { // the claim statement (its text is longer than pg_stat_activity keeps)
                assertThat(next).isNotDone();
                assertThat(System.currentTimeMillis()).isLessThan(deadline);
                Thread.sleep(20);
            }
            inFlight.rollback(); // the other claim failed: its unit is free again
            next.get(20, TimeUnit.SECONDS).then().statusCode(201);
        }
        claim("kr-" + (CAP + 1)).then().statusCode(409).body("type", equalTo(PROBLEMS + "claim-cap-reached"));
        assertThat(Database.count("select count(*) from campaign_claim")).isEqualTo(CAP);
        assertThat(Database.count("select count(*) from campaign where all_claimed_at is not null")).isEqualTo(1);
    }

    private Response claim(String user) {
        return given().auth().oauth2(Tokens.subscriber(user)).contentType(ContentType.JSON).body("{\"userId\":\"" + user + "\"}")
                .when().post("/api/v1/campaigns/" + campaign + "/claims");
    }
}
