package kr.outage.compensation.platform.http;

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

    @ConfigProperty(name = "suite.http.max-uri-length", defaultValue = "8192")
    int maxUriLength;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void guard(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (request.uri().length() > maxUriLength) {
            refuse(routing, GeneralProblem.URI_TOO_LONG, "The request URI has " + request.uri().length()
                    + " characters; this service accepts at most " + maxUriLength, false);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && maxBodySize.isPresent() && tooLong(length, maxBodySize.get().asLongValue())) {
            refuse(routing, GeneralProblem.PAYLOAD_TOO_LARGE, "The body has " + length.strip()
                    + " bytes; this service accepts at most " + maxBodySize.get().asLongValue(), true);
            return;
        }
        routing.next();
    }

    private static boolean tooLong(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP decoder refuses a malformed length itself
        }
    }

    /**
     * Answers at once. An over-long body is not worth reading, so that connection is closed after the
     * answer; after an over-long URI the connection stays open, so the rest of the request (a body the
     * client is still sending) is read and dropped rather than cut off, which would reset the
     * connection and could lose the answer on its way to the client.
     */
    private static void refuse(RoutingContext routing, ProblemKind kind, String detail, boolean close) {
        Problem body = new Problem(kind.uri(), kind.title(), kind.status(), detail, null, null, Map.of());
        routing.response().setStatusCode(kind.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close) {
            routing.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ended -> routing.request().connection().close());
        }
        routing.response().end(Json.encode(body));
    }
}
