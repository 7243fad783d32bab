package kr.outage.compensation.platform.problem;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The trace of the request being handled, as the W3C trace id the logs and the tracing backend show. */
public final class TraceIds {

    private TraceIds() {
    }

    /** The current trace id, or null outside a traced request (start-up, a background job without a span). */
    public static String current() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
