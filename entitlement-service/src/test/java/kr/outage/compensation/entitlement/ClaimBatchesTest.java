package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims that wait together are made together, in one statement: each claimant still gets their own
 * answer. With one claim worker, a first claim is held on a slot lock while the others queue up behind
 * it; released, the worker takes all of them as one batch.
 */
@QuarkusTest
@TestProfile(ClaimBatchesTest.OneWorker.class)
@QuarkusTestResource(IncidentServiceStub.class)
class ClaimBatchesTest {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";

    public static class OneWorker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("entitlement.claims.workers", "1", "entitlement.claims.batch", "64");
        }
    }

    @BeforeEach
    void fixture() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        MovableClock.INSTANCE.set(Instant.parse("2023-01-06T01:00:00Z"));
        StringBuilder csv = Campaigns.domesticAccounts(12);
        csv.append("us-1,US,2019-01-01T00:00:00Z\n");
        Campaigns.importCsv("/api/v1/accounts/import", csv.toString(), 200);
    }

    @AfterEach
    void resetClock() {
        MovableClock.INSTANCE.reset();
    }

    @Test
    void oneBatchAnswersEachClaimantForThemselvesAndNeverPassesTheCapWhenTheSlotsHaveLessRoomThanTheBatch() throws Exception {
        UUID campaign = Campaigns.define(Campaigns.giftPack("KAKAO-1015-GIFT", 3));
        CompletableFuture<Response> first;
        List<CompletableFuture<Response>> queued = new ArrayList<>();
        try (Connection holder = Database.connect(); Statement sql = holder.createStatement()) {
            holder.setAutoCommit(false);
            sql.execute("select * from claim_slot for update");
            first = claimLater(campaign, "kr-0");
            Database.waitForALockWait();
            // queued in this order behind kr-0: two to be granted, one too many for the cap, a foreign
            // account and kr-0 again (who will have claimed by then)
            for (String user : List.of("kr-1", "kr-2", "kr-3", "us-1", "kr-0")) {
                queued.add(claimLater(campaign, user));
                Thread.sleep(150);
            }
            holder.rollback();
        }
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        List<Response> answers = new ArrayList<>();
        for (CompletableFuture<Response> answer : queued) {
            answers.add(answer.get(30, TimeUnit.SECONDS));
        }
        assertThat(answers.get(0).statusCode()).isEqualTo(201);
        assertThat(answers.get(1).statusCode()).isEqualTo(201);
        assertThat(problem(answers.get(2))).isEqualTo("409 claim-cap-reached");
        assertThat(answers.get(2).jsonPath().getString("allClaimedAt")).isNotNull();
        assertThat(problem(answers.get(3))).isEqualTo("422 not-eligible");
        assertThat(problem(answers.get(4))).isEqualTo("409 already-claimed");

        assertThat(Database.count("select count(*) from campaign_claim")).isEqualTo(3);
        assertThat(Database.count("select count(distinct grant_no) from campaign_claim where grant_no between 1 and 3")).isEqualTo(3);
        assertThat(Database.count("select count(*) from granted_item where item_code = 'talk-drawer-plus-1m'")).isEqualTo(3);
        assertThat(Database.count("select count(*) from entitlement_audit where action = 'GRANT_CLAIMED'")).isEqualTo(3);
        assertThat(Database.count("select sum(taken) from claim_slot")).isEqualTo(3);
    }

    @Test
    void anAccountClaimedElsewhereAtTheSameMomentOrTwiceInTheBatchIsToldSoAndTheOthersAreGranted() throws Exception {
        UUID campaign = Campaigns.define(Campaigns.giftPack("KAKAO-1015-GIFT", 100));
        CompletableFuture<Response> first;
        // kr-2 twice in the same batch (a double click): the second is made after the first, and told so
        List<String> users = List.of("kr-1", "kr-2", "kr-3", "kr-4", "kr-5", "kr-2");
        List<CompletableFuture<Response>> queued = new ArrayList<>();
        try (Connection slots = Database.connect(); Statement slotSql = slots.createStatement();
             Connection elsewhere = Database.connect(); Statement other = elsewhere.createStatement()) {
            slots.setAutoCommit(false);
            slotSql.execute("select * from claim_slot for update");
            first = claimLater(campaign, "kr-0");
            Database.waitForALockWait();
            for (String user : users) {
                queued.add(claimLater(campaign, user));
                Thread.sleep(150);
            }
            // another replica is claiming kr-3 right now: its row is written but not yet committed
            elsewhere.setAutoCommit(false);
            long item;
            try (ResultSet rs = other.executeQuery("insert into granted_item (user_id, item_code, label, granted_at, campaign_id) "
                    + "values ('kr-3', 'talk-drawer-plus-1m', 'pass', now(), '" + campaign + "') returning id")) {
                rs.next();
                item = rs.getLong(1);
            }
            other.execute("insert into campaign_claim (campaign_id, user_id, item_id, principal, claimed_at, grant_no) values ('"
                    + campaign + "', 'kr-3', " + item + ", 'elsewhere', now(), null)");
            slots.rollback(); // kr-0 goes through, then the five as one batch, which waits for the other replica's kr-3
            assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            Database.waitForALockWait();
            elsewhere.commit();
        }
        for (int i = 0; i < users.size(); i++) {
            Response answer = queued.get(i).get(30, TimeUnit.SECONDS);
            if (users.get(i).equals("kr-3")) {
                assertThat(problem(answer)).isEqualTo("409 already-claimed");
                assertThat(answer.jsonPath().getString("existingClaim.userId")).isEqualTo("kr-3");
            } else if (i == users.size() - 1) {
                assertThat(problem(answer)).isEqualTo("409 already-claimed");
                assertThat(answer.jsonPath().getLong("existingClaim.itemId")).isEqualTo(queued.get(1).get().jsonPath().getLong("itemId"));
            } else {
                assertThat(answer.statusCode()).isEqualTo(201);
            }
        }
        assertThat(Database.count("select count(*) from campaign_claim")).isEqualTo(6);
        assertThat(Database.count("select count(distinct grant_no) from campaign_claim")).isEqualTo(5);
        assertThat(Database.count("select count(*) from granted_item")).isEqualTo(6);
        assertThat(Database.count("select sum(taken) from claim_slot")).isEqualTo(5); // the batch's units went back with it
        assertThat(Database.count("select count(*) from entitlement_audit where action = 'GRANT_CLAIMED'")).isEqualTo(5);
    }

    private static String problem(Response response) {
        String type = response.jsonPath().getString("type");
        return response.statusCode() + " " + (type == null ? "" : type.substring(PROBLEMS.length()));
    }

    private static CompletableFuture<Response> claimLater(UUID campaign, String user) {
        String token = Tokens.subscriber(user);
        return CompletableFuture.supplyAsync(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"userId\":\"" + user + "\"}").when().post("/api/v1/campaigns/" + campaign + "/claims"));
    }
}
