package kr.outage.compensation.entitlement.support;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Spans the service finishes, kept in memory for the tracing test (Quarkus exports to every
 * exporter bean). Only the tracing test's profile samples traces, so the other tests record none.
 */
public class RecordedSpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
