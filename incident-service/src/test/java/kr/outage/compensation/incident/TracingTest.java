package kr.outage.compensation.incident;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import kr.outage.compensation.platform.testing.TracesSampled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A caller's W3C trace goes on through incident-service: its server span and the SQL under it join
 * the caller's trace, and a problem answer names the trace, so support can find the request's log
 * lines and spans from what the client saw. (The other side, the trace leaving payout-service for
 * incident-service, is payout-service's TracingTest.)
 */
@QuarkusTest
@TestProfile(TracesSampled.class)
class TracingTest {


    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void forget() {
        spans.reset();
    }

    @Test
    void aCallersTraceGoesOnThroughTheServiceAndItsSql() {
        String trace = hex(16);
        String callerSpan = hex(8);
        given().header("traceparent", "00-" + trace + "-" + callerSpan + "-01")
                .when().get("/api/v1/incidents?from=2022-10-15T00:00:00Z&to=2022-10-16T00:00:00Z")
                .then().statusCode(200);

        List<SpanData> traced = await().atMost(Duration.ofSeconds(10)).until(() -> inTrace(trace),
                found -> found.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER)
                        && found.stream().anyMatch(TracingTest::isSql));
        SpanData server = traced.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(server.getParentSpanId()).as("the server span's parent is the caller's span").isEqualTo(callerSpan);
        assertThat(traced.stream().filter(TracingTest::isSql))
                .as("the SQL is in the caller's trace").allSatisfy(sql -> assertThat(sql.getTraceId()).isEqualTo(trace));
    }

    @Test
    void aProblemNamesTheTraceOfItsRequest() {
        String trace = hex(16);
        String answered = given().header("traceparent", "00-" + trace + "-" + hex(8) + "-01")
                .when().get("/api/v1/incidents/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .extract().path("traceId");
        assertThat(answered).isEqualTo(trace);

        // without a caller's trace the service starts one, and names that one
        String started = given().when().get("/api/v1/incidents?from=yesterday")
                .then().statusCode(400).extract().path("traceId");
        assertThat(started).matches("[0-9a-f]{32}");
        await().atMost(Duration.ofSeconds(10)).until(() -> inTrace(started),
                found -> found.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER));
    }

    private List<SpanData> inTrace(String trace) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(trace)).toList();
    }

    private static boolean isSql(SpanData span) {
        return span.getKind() == SpanKind.CLIENT && span.getAttributes().asMap().keySet().stream()
                .anyMatch(key -> key.getKey().startsWith("db."));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
