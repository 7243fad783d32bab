package kr.outage.compensation.platform.http;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.event.Observes;
import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.ProblemKind;
import kr.outage.compensation.platform.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;

/**
 * The limits of the transport, answered as problem+json like every other refusal. Left to the HTTP
 * layer, a body over the limit and an over-long URI got a bare 413 or 414 with an empty body. This
 * route runs before Quarkus's own body limit and before authentication, so a client that sends too
 * much learns why, and nothing it sent is read further.
 *
 * <p>The HTTP decoder itself accepts request lines up to {@code quarkus.http.limits.max-initial-line-length}
 * (raised by the platform's configuration so that this route sees long URIs first); a line beyond even
 * that is still refused by the decoder with a bare 414.
 */
public class TransportLimits {

    /** Before Quarkus's upload limit (order -2), so the refusal is ours. */
    static final int ORDER = -3;
    /** How long a client sending a refused over-long body may pause before its connection is closed. */
    static final long LINGER_IDLE_MILLIS = 2_000;
    /** How long a refused over-long body is read and dropped at most before the connection is closed. */
    static final long LINGER_MAX_MILLIS = 30_000;

    @ConfigProperty(name = "suite.http.max-uri-length", defaultValue = "8192")
    int maxUriLength;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;
    /**
     * Where a service takes large streamed bodies (entitlement-service's CSV imports) its overall limit
     * is large; a JSON body or a form (the pages' forms) is never large and is read whole into memory,
     * so it has a limit of its own, checked before a byte is read, and one sent without a
     * Content-Length (chunked) is refused, since its size is known only after reading it.
     */
    @ConfigProperty(name = "suite.http.max-small-body-size")
    Optional<MemorySize> maxSmallBodySize;

    void guard(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (request.uri().length() > maxUriLength) {
            refuse(routing, GeneralProblem.URI_TOO_LONG, "The request URI has " + request.uri().length()
                    + " characters; this service accepts at most " + maxUriLength);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (maxSmallBodySize.isPresent() && isJsonOrForm(request)) {
            long jsonLimit = maxSmallBodySize.get().asLongValue();
            // what a client still sending is let finish before the connection closes, as for any body
            long linger = Math.max(jsonLimit, maxBodySize.map(MemorySize::asLongValue).orElse(jsonLimit));
            if (length == null && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                drainThenClose(routing, linger);
                refuse(routing, GeneralProblem.LENGTH_REQUIRED, "A JSON or form body must come with its Content-Length (at most "
                        + jsonLimit + " bytes); this one was sent in chunks");
                return;
            }
            if (length != null && tooLong(length, jsonLimit)) {
                drainThenClose(routing, linger);
                refuse(routing, GeneralProblem.PAYLOAD_TOO_LARGE, "The JSON or form body has " + length.strip()
                        + " bytes; this service accepts JSON and form bodies of at most " + jsonLimit);
                return;
            }
        }
        if (length != null && maxBodySize.isPresent() && tooLong(length, maxBodySize.get().asLongValue())) {
            drainThenClose(routing, maxBodySize.get().asLongValue());
            refuse(routing, GeneralProblem.PAYLOAD_TOO_LARGE, "The body has " + length.strip()
                    + " bytes; this service accepts at most " + maxBodySize.get().asLongValue());
            return;
        }
        routing.next();
    }

    private static boolean isJsonOrForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("json") || lower.contains("x-www-form-urlencoded") || lower.contains("multipart/form-data");
    }

    private static boolean tooLong(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP decoder refuses a malformed length itself
        }
    }

    /** Answers at once, before the body (if any) is read. */
    private static void refuse(RoutingContext routing, ProblemKind kind, String detail) {
        Problem body = new Problem(kind.uri(), kind.title(), kind.status(), detail, null,
                kr.outage.compensation.platform.problem.TraceIds.current(), null, Map.of());
        routing.response().setStatusCode(kind.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(body));
    }

    /**
     * An over-long body is not worth keeping, but closing the connection while the client is still
     * sending it resets the connection, and the reset can overtake the 413 on its way: the client then
     * sees no answer at all (the hostile-input fuzz met this with an 11 MB body). So the rest of the
     * body is read and dropped, as web servers' "lingering close" does, and the connection is closed
     * once the client has finished, or when it has sent {@code limit} more bytes, or has paused for
     * {@link #LINGER_IDLE_MILLIS}, or after {@link #LINGER_MAX_MILLIS} in all: a client cannot hold the
     * connection by sending without end. After an over-long URI none of this is needed: the connection
     * stays open and the body is read and dropped as usual.
     */
    private static void drainThenClose(RoutingContext routing, long limit) {
        new Linger(routing, limit).start();
    }

    private static final class Linger {
        private final RoutingContext routing;
        private final HttpConnection connection;
        private final long limit;
        private final long startedAt = System.nanoTime();
        private long dropped;
        private long idleTimer = -1;
        private boolean answered;
        private boolean bodyEnded;

        Linger(RoutingContext routing, long limit) {
            this.routing = routing;
            this.connection = routing.request().connection();
            this.limit = limit;
        }

        void start() {
            HttpServerRequest request = routing.request();
            routing.response().putHeader(HttpHeaders.CONNECTION, "close").endHandler(sent -> {
                answered = true;
                closeIfDone();
            });
            request.handler(chunk -> {
                dropped += chunk.length();
                boolean tooLong = (System.nanoTime() - startedAt) / 1_000_000 > LINGER_MAX_MILLIS;
                if (dropped > limit || tooLong) {
                    close();
                } else {
                    waitForMore();
                }
            });
            request.endHandler(ended -> {
                bodyEnded = true;
                closeIfDone();
            });
            if (request.isEnded()) {
                bodyEnded = true;
            } else {
                waitForMore();
                request.resume();
            }
        }

        private void waitForMore() {
            if (idleTimer >= 0) {
                routing.vertx().cancelTimer(idleTimer);
            }
            idleTimer = routing.vertx().setTimer(LINGER_IDLE_MILLIS, fired -> close());
        }

        private void closeIfDone() {
            if (answered && bodyEnded) {
                close();
            }
        }

        private void close() {
            if (idleTimer >= 0) {
                routing.vertx().cancelTimer(idleTimer);
            }
            connection.close();
        }
    }
}
