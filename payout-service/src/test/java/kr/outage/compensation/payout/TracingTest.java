package kr.outage.compensation.payout;

import kr.outage.compensation.payout.support.PayoutApprovals;
import kr.outage.compensation.payout.support.Owners;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.ServiceStub;
import kr.outage.compensation.platform.testing.Tokens;
import kr.outage.compensation.platform.testing.TracesSampled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One claim is one trace from payout-service into incident-service: the claim's server span, the
 * client span of the impact check under it, and the check arriving at incident-service with a
 * {@code traceparent} naming that client span, next to the service token. incident-service's own
 * TracingTest shows that it continues such a trace; together they are one trace across both.
 */
@QuarkusTest
@TestProfile(TracesSampled.class)
@QuarkusTestResource(IncidentServiceStub.class)
class TracingTest {


    @Inject
    InMemorySpanExporter spans;

    String program;

    @BeforeEach
    void programExists() {
        Database.clean();
        IncidentServiceStub.stubTheFire();
        program = Programs.create(Programs.fire2022());
        // the program's own checks with incident-service are traces of their own
        ServiceStub.server.resetRequests();
        spans.reset();
    }

    @Test
    void aClaimIsOneTraceIntoIncidentService() {
        String answeredTraceparent = fileClaim("trace-1").extract().header("traceparent");
        // the answer does not carry the trace; find it from the claim's server span
        List<SpanData> claimSpans = await().atMost(Duration.ofSeconds(10)).until(
                () -> spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("claims")).toList(),
                found -> found.size() == 1);
        SpanData claim = claimSpans.get(0);
        assertThat(answeredTraceparent).as("no trace header in the answer").isNull();

        List<SpanData> trace = await().atMost(Duration.ofSeconds(10)).until(() -> inTrace(claim.getTraceId()),
                found -> found.stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT && isImpactCheck(s)));
        SpanData check = trace.stream().filter(s -> s.getKind() == SpanKind.CLIENT && isImpactCheck(s)).findFirst().orElseThrow();
        assertThat(trace).as("the claim's SQL is in its trace")
                .anySatisfy(s -> assertThat(s.getAttributes().asMap().keySet()).anyMatch(k -> k.getKey().startsWith("db.")));

        List<LoggedRequest> arrived = ServiceStub.server.findAll(getRequestedFor(urlPathMatching(".*/impact/check")));
        assertThat(arrived).isNotEmpty();
        assertThat(arrived).allSatisfy(request -> {
            assertThat(request.getHeader("traceparent"))
                    .as("incident-service is asked within the claim's trace, as a child of the client span")
                    .matches("00-" + claim.getTraceId() + "-[0-9a-f]{16}-01");
            assertThat(request.getHeader("Authorization")).as("with the service token").startsWith("Bearer ");
        });
        assertThat(arrived.stream().map(r -> r.getHeader("traceparent").split("-")[2]))
                .as("the parent named is a client span of the claim's trace").contains(check.getSpanId());
    }

    @Test
    void aPayoutBatchAndItsSettlementAreSpansWithTheirCounts() {
        String claim = fileClaim("trace-2").body("state", org.hamcrest.Matchers.equalTo("approved")).extract().path("id");
        String approver = Tokens.withRoles("approver-trace@example.com", "payout-approver");
        var answer = given().auth().oauth2(approver).header("Idempotency-Key", "trace-batch")
                .when().post("/api/v1/programs/{id}/payout-batches", program)
                .then().statusCode(201).extract().jsonPath();
        String batch = answer.getString("id");
        given().auth().oauth2(approver).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("claimId", claim, "result", "paid", "bankReference", "SH-TRACE"))))
                .header("Approval-Id", PayoutApprovals.settle(batch, approver)).when().post("/api/v1/payout-batches/{id}/settlement", batch).then().statusCode(200);

        SpanData created = finished("payout-batch create");
        assertThat(created.getAttributes().get(AttributeKey.stringKey("payout.batch.id"))).isEqualTo(batch);
        assertThat(created.getAttributes().get(AttributeKey.longKey("payout.batch.items"))).isEqualTo(1L);
        assertThat(created.getAttributes().get(AttributeKey.longKey("payout.batch.amount_krw"))).isEqualTo(answer.getLong("totalAmount"));
        SpanData settled = finished("payout-batch settle");
        assertThat(settled.getAttributes().get(AttributeKey.longKey("payout.settlement.results"))).isEqualTo(1L);
        assertThat(settled.getAttributes().get(AttributeKey.longKey("payout.batch.pending_after"))).isEqualTo(0L);
        assertThat(settled.getParentSpanId()).as("under the settlement request's server span")
                .isIn(spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.SERVER).map(SpanData::getSpanId).toList());
    }

    /** A small taxi claim, filed and answered 201. */
    private ValidatableResponse fileClaim(String idempotencyKey) {
        java.util.Map<String, Object> claim = ClaimIntakeTest.taxiClaim(300_000);
        return given().auth().oauth2(Owners.of("owner-trace@example.com", claim))
                .contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(claim)
                .when().post("/api/v1/programs/{id}/claims", program)
                .then().statusCode(201);
    }

    private SpanData finished(String name) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private List<SpanData> inTrace(String trace) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(trace)).toList();
    }

    private static boolean isImpactCheck(SpanData span) {
        return span.getAttributes().asMap().entrySet().stream()
                .anyMatch(e -> e.getKey().getKey().startsWith("url.") && String.valueOf(e.getValue()).contains("/impact/check"))
                || span.getName().contains("impact");
    }
}
