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
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * More claims waiting than the queue holds: the next one is refused at once with 503 and
 * Retry-After, and stores nothing; those in the queue are still answered once the workers are free.
 */
@QuarkusTest
@TestProfile(ClaimQueueTest.OneWorkerOneWaiting.class)
@QuarkusTestResource(IncidentServiceStub.class)
class ClaimQueueTest {

    public static class OneWorkerOneWaiting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("entitlement.claims.workers", "1", "entitlement.claims.queue", "1");
        }
    }

    @AfterEach
    void resetClock() {
        MovableClock.INSTANCE.reset();
    }

    @Test
    void aFullQueueIsRefusedWith503AndRetryAfterAndTheQueuedClaimsAreStillMade() throws Exception {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        MovableClock.INSTANCE.set(Instant.parse("2023-01-06T01:00:00Z"));
        Campaigns.importCsv("/api/v1/accounts/import", Campaigns.domesticAccounts(4).toString(), 200);
        UUID campaign = Campaigns.define(Campaigns.giftPack("KAKAO-1015-GIFT", 10));
        CompletableFuture<Response> first;
        CompletableFuture<Response> second;
        CompletableFuture<Response> third;
        try (Connection holder = Database.connect(); Statement sql = holder.createStatement()) {
            holder.setAutoCommit(false);
            sql.execute("select * from claim_slot for update"); // the one worker's claim waits on a slot
            first = CompletableFuture.supplyAsync(() -> claim(campaign, "kr-1"));
            Database.waitForALockWait();
            String before = Database.fingerprint();
            // two more: one takes the queue's one place, the other finds it full and is answered at once
            second = CompletableFuture.supplyAsync(() -> claim(campaign, "kr-2"));
            third = CompletableFuture.supplyAsync(() -> claim(campaign, "kr-3"));
            Response refused = (Response) CompletableFuture.anyOf(second, third).get(20, TimeUnit.SECONDS);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("type")).endsWith("/service-unavailable");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(Database.fingerprint()).isEqualTo(before);
            holder.rollback();
        }
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        assertThat(java.util.List.of(second.get(30, TimeUnit.SECONDS).statusCode(), third.get(30, TimeUnit.SECONDS).statusCode()))
                .containsExactlyInAnyOrder(201, 503);
        assertThat(Database.count("select count(*) from campaign_claim")).isEqualTo(2);
    }

    private static Response claim(UUID campaign, String user) {
        return given().auth().oauth2(Tokens.subscriber(user)).contentType(ContentType.JSON).body("{\"userId\":\"" + user + "\"}")
                .when().post("/api/v1/campaigns/" + campaign + "/claims");
    }
}
