package kr.outage.compensation.entitlement;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.Tokens;
import kr.outage.compensation.platform.testing.TracesSampled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A campaign run is followed in the tracing backend by its run id: one span to prepare it (with its
 * eligible subjects) and one per chunk (with its subject range and what it granted), each with the
 * chunk's SQL under it. The import before it goes through the traced JDBC driver too (COPY included).
 */
@QuarkusTest
@TestProfile(TracesSampled.class)
@QuarkusTestResource(IncidentServiceStub.class)
class TracingTest {


    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void fixture() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(MusicCampaignTest.FIXTURE)
                .when().post("/api/v1/subscriptions/import").then().statusCode(200);
        spans.reset();
    }

    @Test
    void aRunIsAPreparationAndItsChunksEachWithTheirCounts() {
        UUID campaign = Campaigns.define(Campaigns.music("MELON-TRACE"));
        String run = Campaigns.runToCompletion(campaign, "trace-run");
        long applied = given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + campaign + "/runs/" + run)
                .then().statusCode(200).extract().jsonPath().getLong("applied");
        assertThat(applied).isPositive();

        SpanData prepared = await().atMost(Duration.ofSeconds(10)).until(() -> ofRun(run, "campaign-run prepare"),
                found -> found.size() == 1).get(0);
        assertThat(prepared.getAttributes().get(AttributeKey.stringKey("campaign.code"))).isEqualTo("MELON-TRACE");
        assertThat(prepared.getAttributes().get(AttributeKey.longKey("campaign.run.eligible_subjects"))).isPositive();

        List<SpanData> chunks = await().atMost(Duration.ofSeconds(10)).until(() -> ofRun(run, "campaign-run chunk"),
                found -> found.stream().mapToLong(TracingTest::granted).sum() == applied);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.getAttributes().get(AttributeKey.longKey("campaign.run.chunk"))).isNotNull();
            assertThat(sqlUnder(chunk)).as("the chunk's SQL is under its span").isNotEmpty();
        });
    }

    private List<SpanData> ofRun(String run, String name) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)
                && run.equals(s.getAttributes().get(AttributeKey.stringKey("campaign.run.id")))).toList();
    }

    private List<SpanData> sqlUnder(SpanData parent) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT
                && s.getParentSpanId().equals(parent.getSpanId())
                && s.getAttributes().asMap().keySet().stream().anyMatch(k -> k.getKey().startsWith("db."))).toList();
    }

    private static long granted(SpanData chunk) {
        Long granted = chunk.getAttributes().get(AttributeKey.longKey("campaign.run.chunk.granted"));
        return granted == null ? 0 : granted;
    }
}
