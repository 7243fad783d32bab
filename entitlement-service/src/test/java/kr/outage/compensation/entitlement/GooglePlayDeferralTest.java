package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.FakeStores;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Google Play deferrals through {@code purchases.subscriptionsv2}, against a fake that answers as
 * Google documents (a deferral names the subscription's latest etag, or fails). A subscription that
 * changes between the suite's read and its deferral (it renews by itself, another tool defers it) is
 * never taken for extended by this campaign: it is deferred again from what it is now, or, where an
 * earlier deferral of ours may have gone through unseen, given the fallback.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
@QuarkusTestResource(FakeStores.class)
class GooglePlayDeferralTest {

    static final String FIXTURE = """
            user_id,product,kind,channel,status,country,started_at,ended_at,next_billing_date,expires_on,store_product_id,store_original_transaction_id,store_purchase_token
            renews-meanwhile,melon-unlimited,recurring,google,active,KR,2021-06-01T00:00:00+09:00,,2022-11-01,,melon_unlimited_monthly,,tok-google-renews-00001
            deferred-elsewhere,melon-unlimited,recurring,google,active,KR,2021-06-01T00:00:00+09:00,,2022-11-01,,melon_unlimited_monthly,,tok-google-elsewhere-01
            answer-lost,melon-unlimited,recurring,google,active,KR,2021-06-01T00:00:00+09:00,,2022-11-01,,melon_unlimited_monthly,,tok-google-lost-000001
            lost-then-renewed,melon-unlimited,recurring,google,active,KR,2021-06-01T00:00:00+09:00,,2022-11-01,,melon_unlimited_monthly,,tok-google-lostrenew-01
            """;
    static final Instant EXPIRY = Instant.now().plus(Duration.ofDays(12)).truncatedTo(ChronoUnit.MILLIS);
    static final Duration MONTH = Duration.ofDays(30);
    static final Duration THREE_DAYS = Duration.ofDays(3);

    @BeforeEach
    void fixture() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        FakeStores.reset();
        Campaigns.importCsv("/api/v1/subscriptions/import", FIXTURE, 200);
        for (String token : new String[]{"tok-google-renews-00001", "tok-google-elsewhere-01", "tok-google-lost-000001",
                "tok-google-lostrenew-01"}) {
            FakeStores.googleSubscription(token, "melon_unlimited_monthly", EXPIRY);
        }
    }

    @Test
    void aSubscriptionThatRenewedBeforeOurDeferralIsDeferredFromItsNewExpiry() {
        // the v1 worker read the expiry again after the refusal, found it past the desired date and
        // recorded "extended": the person got nothing from this campaign
        FakeStores.googleBeforeDeferrals("tok-google-renews-00001", () -> FakeStores.googleExpiryMovedBy("tok-google-renews-00001", MONTH));
        run("GOOGLE-RENEWED");

        assertThat(FakeStores.googleExpiry("tok-google-renews-00001")).isEqualTo(EXPIRY.plus(MONTH).plus(THREE_DAYS));
        assertThat(FakeStores.timesDeferredByGoogle("tok-google-renews-00001")).isEqualTo(1);
        assertThat(settled("renews-meanwhile")).isEqualTo("EXTENDED " + EXPIRY.plus(MONTH).plus(THREE_DAYS));
        assertThat(balance("renews-meanwhile")).isZero();
    }

    @Test
    void aDeferralByAnotherToolIsNotCountedAsThisCampaigns() {
        // exactly our three days, by someone else, between our read and our deferral
        FakeStores.googleBeforeDeferrals("tok-google-elsewhere-01", () -> FakeStores.googleExpiryMovedBy("tok-google-elsewhere-01", THREE_DAYS));
        run("GOOGLE-ELSEWHERE");

        assertThat(FakeStores.googleExpiry("tok-google-elsewhere-01")).isEqualTo(EXPIRY.plus(THREE_DAYS).plus(THREE_DAYS));
        assertThat(FakeStores.timesDeferredByGoogle("tok-google-elsewhere-01")).as("the suite's own deferrals").isEqualTo(1);
        assertThat(settled("deferred-elsewhere")).isEqualTo("EXTENDED " + EXPIRY.plus(Duration.ofDays(6)));
    }

    @Test
    void aDeferralWhoseAnswerWasLostIsRecognisedByItsExactEffectAndNotSentTwice() {
        FakeStores.googleBeforeDeferrals("tok-google-lost-000001", () -> FakeStores.loseAnswersOfNext(1));
        run("GOOGLE-LOST");

        assertThat(FakeStores.timesDeferredByGoogle("tok-google-lost-000001")).isEqualTo(1);
        assertThat(FakeStores.googleExpiry("tok-google-lost-000001")).isEqualTo(EXPIRY.plus(THREE_DAYS));
        assertThat(settled("answer-lost")).isEqualTo("EXTENDED " + EXPIRY.plus(THREE_DAYS));
        assertThat(balance("answer-lost")).isZero();
    }

    @Test
    void whenAnUnseenDeferralOfOursCannotBeToldApartTheFallbackIsPaidNotExtended() {
        // our first deferral went through but its answer was lost; then the subscription renewed: the
        // store shows neither "unchanged" nor "exactly our days", so nothing is recorded as extended
        FakeStores.googleBeforeDeferrals("tok-google-lostrenew-01", () -> FakeStores.loseAnswersOfNext(1),
                () -> FakeStores.googleExpiryMovedBy("tok-google-lostrenew-01", MONTH));
        run("GOOGLE-LOST-RENEWED");

        assertThat(FakeStores.timesDeferredByGoogle("tok-google-lostrenew-01")).isEqualTo(1);
        assertThat(Database.text("select state || ' ' || refusal from store_request where user_id = 'lost-then-renewed'"))
                .isEqualTo("FALLBACK deferralUnconfirmed");
        assertThat(balance("lost-then-renewed")).isEqualTo(1500);
        // the others of the run went as usual, each deferred once
        assertThat(FakeStores.timesDeferredByGoogle("tok-google-renews-00001")).isEqualTo(1);
        assertThat(Database.count("select count(*) from wallet_entry where user_id = 'lost-then-renewed'")).isEqualTo(1);
    }

    private static void run(String code) {
        UUID campaign = Campaigns.define(StoreExtensionTest.storeMusic(code));
        Campaigns.runToCompletion(campaign, code.toLowerCase() + "-1");
    }

    private static String settled(String user) {
        return Database.text("select state || ' ' || to_char(new_expiry at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') "
                + "from store_request where user_id = '" + user + "'").replace(".000Z", "Z");
    }

    private static long balance(String user) {
        return Database.count("select coalesce((select balance_krw from wallet where user_id = '" + user + "'), 0)");
    }
}
