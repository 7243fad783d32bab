package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.MovableClock;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * The messenger's 2022 gift pack for domestic accounts: items and coupons applied by a run, and the
 * capped first-come pass claimed by people, never over the cap, once per account, until the deadline.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class GiftPackTest {

    static final int DOMESTIC = 220;
    static final String PROBLEMS = "https://compensation-suite.example/problems/";

    UUID campaign;

    @BeforeEach
    void fixture() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        MovableClock.INSTANCE.set(Instant.parse("2023-01-06T01:00:00Z"));
        StringBuilder csv = Campaigns.domesticAccounts(DOMESTIC);
        csv.append("us-1,US,2019-01-01T00:00:00Z\n");
        csv.append("kr-joined-later,KR,2022-11-01T00:00:00+09:00\n");
        given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(csv.toString())
                .when().post("/api/v1/accounts/import").then().statusCode(200).body("accountsCreated", equalTo(DOMESTIC + 2));
        campaign = Campaigns.define(Campaigns.giftPack("KAKAO-1015-GIFT", 50));
    }

    @AfterEach
    void resetClock() {
        MovableClock.INSTANCE.reset();
    }

    @Test
    void domesticAccountsGetTheItemsAndCouponsForeignAndLaterOnesDoNot() {
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/campaigns/" + campaign + "/preview").then().statusCode(200)
                .body("totals.eligible", equalTo(DOMESTIC)).body("totals.couponKrw", equalTo(DOMESTIC * 5000))
                .body("totals.items", equalTo(DOMESTIC * 3));
        Campaigns.runToCompletion(campaign, "gift-1");
        given().auth().oauth2(Tokens.subscriber("kr-7")).when().get("/api/v1/users/kr-7/entitlements").then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items.find { it.itemCode == 'emoticon-1015-permanent' }.permanent", equalTo(true))
                .body("items.find { it.itemCode == 'emoticon-1015-a' }.validUntil", equalTo("2023-04-06T01:00:00+00:00"))
                .body("coupons.valueKrw", equalTo(List.of(2000, 3000)))
                .body("coupons[0].state", equalTo("available"));
        assertThat(Database.count("select count(*) from granted_item where user_id in ('us-1', 'kr-joined-later')")).isZero();
        assertThat(Database.count("select count(*) from coupon")).isEqualTo(DOMESTIC * 2L);
    }

    @Test
    void twoHundredConcurrentClaimsAgainstACapOfFiftyGiveExactlyFifty() throws Exception {
        int claimants = 200;
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        Map<Integer, String> types = new ConcurrentHashMap<>();
        for (int i = 0; i < claimants; i++) {
            String user = "kr-" + i;
            String token = Tokens.subscriber(user);
            answers.add(pool.submit(() -> {
                start.await();
                var response = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"userId\":\"" + user + "\"}")
                        .when().post("/api/v1/campaigns/" + campaign + "/claims");
                if (response.statusCode() != 201) {
                    types.put(response.statusCode(), response.jsonPath().getString("type"));
                }
                return response.statusCode();
            }));
        }
        start.countDown();
        int granted = 0, refused = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get(60, TimeUnit.SECONDS);
            if (status == 201) {
                granted++;
            } else if (status == 409) {
                refused++;
            }
        }
        pool.shutdown();
        assertThat(granted).isEqualTo(50);
        assertThat(refused).isEqualTo(150);
        assertThat(types).containsEntry(409, PROBLEMS + "claim-cap-reached").hasSize(1);
        assertThat(Database.count("select count(*) from campaign_claim")).isEqualTo(50);
        assertThat(Database.count("select count(*) from granted_item where item_code = 'talk-drawer-plus-1m'")).isEqualTo(50);
        assertThat(Database.count("select sum(taken) from claim_slot")).isEqualTo(50);
    }

    @Test
    void oneClaimPerAccountEvenWhenSentTwiceAtOnce() throws Exception {
        String token = Tokens.subscriber("kr-3");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"userId\":\"kr-3\"}").when().post("/api/v1/campaigns/" + campaign + "/claims").statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> a : answers) {
            statuses.add(a.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(Database.count("select count(*) from campaign_claim")).isEqualTo(1);
        assertThat(Database.count("select sum(taken) from claim_slot")).isEqualTo(1);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"userId\":\"kr-3\"}")
                .when().post("/api/v1/campaigns/" + campaign + "/claims").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "already-claimed")).body("existingClaim.userId", equalTo("kr-3"));
    }

    @Test
    void claimsAreRefusedAfterTheDeadlineForeignAccountsAndOtherPeople() {
        // the deadline 2023-01-20 23:59:59 KST is the last second in, all of it: .000 and .999 are in, the next second out
        MovableClock.INSTANCE.set(Instant.parse("2023-01-20T14:59:59.000Z"));
        claim("kr-1", "kr-1").then().statusCode(201).body("position", both(greaterThanOrEqualTo(1)).and(lessThanOrEqualTo(50)));
        MovableClock.INSTANCE.set(Instant.parse("2023-01-20T14:59:59.999Z"));
        claim("kr-2", "kr-2").then().statusCode(201).body("position", both(greaterThanOrEqualTo(1)).and(lessThanOrEqualTo(50)));
        MovableClock.INSTANCE.set(Instant.parse("2023-01-20T15:00:00.000Z"));
        claim("kr-3", "kr-3").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "claim-deadline-passed"))
                .body("claimsCloseAt", equalTo("2023-01-20T15:00:00Z"));
        // someone who claimed in time and asks again after the deadline is told they have it, not that they were late
        claim("kr-2", "kr-2").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "already-claimed")).body("existingClaim.userId", equalTo("kr-2"))
                .body("existingClaim.claimedAt", equalTo("2023-01-20T14:59:59.999Z"));
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + campaign).then().statusCode(200)
                .body("claims.deadline", equalTo("2023-01-20T14:59:59Z")).body("claims.closesAt", equalTo("2023-01-20T15:00:00Z"))
                .body("state", equalTo("applied"));
        MovableClock.INSTANCE.set(Instant.parse("2023-01-10T00:00:00Z"));
        claim("us-1", "us-1").then().statusCode(422).body("type", equalTo(PROBLEMS + "not-eligible"));
        claim("kr-joined-later", "kr-joined-later").then().statusCode(422).body("type", equalTo(PROBLEMS + "not-eligible"));
        claim("kr-4", "kr-5").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"userId\":\"kr-4\"}").when().post("/api/v1/campaigns/" + campaign + "/claims")
                .then().statusCode(401).contentType("application/problem+json");
        claim("kr-4", null).then().statusCode(400).contentType("application/problem+json");
        assertThat(Database.count("select count(*) from campaign_claim")).isEqualTo(2);
        assertThat(Database.count("select sum(taken) from claim_slot")).isEqualTo(2);
    }

    private io.restassured.response.Response claim(String caller, String user) {
        String body = user == null ? "{}" : "{\"userId\":\"" + user + "\"}";
        return given().auth().oauth2(Tokens.subscriber(caller)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/campaigns/" + campaign + "/claims");
    }
}
