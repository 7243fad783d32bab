package kr.outage.compensation.platform.page;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.net.HostAndPort;
import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.platform.problem.TraceIds;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.Map;

/**
 * Every console POST, the sign-in included, must come from a page of this service: its {@code Origin}
 * (or, where a browser sends none, its {@code Referer}) must name this service's own host. The session
 * cookie is SameSite=Strict, but SameSite alone is not enough (a sibling site under the same
 * registrable domain is "same site"), and a form posted from anywhere else is refused with 403
 * before anything reads it.
 */
public class ConsoleFormOrigin {

    void refuseFormsFromElsewhere(@Observes Router router) {
        router.route("/console/*").order(-1000).handler(rc -> {
            HttpServerRequest request = rc.request();
            if (request.method() == HttpMethod.POST && !fromThisService(request)) {
                Problem refused = new Problem(GeneralProblem.FORBIDDEN.uri(), GeneralProblem.FORBIDDEN.title(), 403,
                        "This form was not sent from a page of this service (its Origin or Referer names another site, "
                                + "or none); nothing was done", null, TraceIds.current(), null, Map.of());
                rc.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(Json.encode(refused));
                return;
            }
            rc.next();
        });
    }

    /** Whether the request's Origin, or failing that its Referer, is this service's own host (and port). */
    static boolean fromThisService(HttpServerRequest request) {
        String source = request.getHeader(HttpHeaders.ORIGIN);
        if (source == null || source.equals("null")) {
            source = request.getHeader(HttpHeaders.REFERER);
        }
        if (source == null || request.authority() == null) {
            return false;
        }
        try {
            URI uri = URI.create(source.strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return false;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            HostAndPort own = request.authority();
            int ownPort = own.port() != -1 ? own.port() : port;
            return uri.getHost().equalsIgnoreCase(own.host()) && port == ownPort;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
