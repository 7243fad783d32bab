package kr.outage.compensation.platform.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The headers every answer of every service carries, pages and API alike, set as the response is
 * sent, so that no resource can forget them:
 *
 * <ul>
 *   <li>a Content-Security-Policy that lets a page load nothing but its own inline styles (the pages
 *   have no scripts), post forms only to itself and be framed by nobody; Swagger UI, which needs its
 *   scripts, gets only {@code frame-ancestors 'none'};</li>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin} (a claim's or a
 *   person's id in a URL is not passed to another site; not {@code no-referrer}, under which browsers
 *   send {@code Origin: null} with a form, and the console could not tell its own forms from a
 *   forgery's), {@code X-Frame-Options: DENY} for older browsers;</li>
 *   <li>HSTS where {@code suite.http.hsts} is on (production, behind TLS);</li>
 *   <li>{@code Cache-Control: no-store} on every answer to a request that carried credentials (a bearer
 *   token or the console's session cookie), unless the resource chose otherwise: those are the answers
 *   that can hold personal data (a person's passes, a claim, a transfer file). Public answers stay
 *   cacheable.</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String SWAGGER_POLICY = "frame-ancestors 'none'";
    private static final String HSTS = "max-age=31536000; includeSubDomains";

    @ConfigProperty(name = "suite.http.hsts", defaultValue = "false")
    boolean hsts;

    void register(@Observes Router router) {
        // first of all, so that even a refusal by the rate or transport limits carries them
        router.route().order(TransportLimits.ORDER - 2).handler(this::onResponse);
    }

    private void onResponse(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        boolean credentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(HttpHeaders.COOKIE) != null;
        boolean swagger = request.path() != null && request.path().startsWith("/q/swagger-ui");
        routing.addHeadersEndHandler(ignored -> {
            HttpServerResponse response = routing.response();
            response.putHeader("Content-Security-Policy", swagger ? SWAGGER_POLICY : PAGE_POLICY);
            response.putHeader("X-Content-Type-Options", "nosniff");
            response.putHeader("Referrer-Policy", "same-origin");
            response.putHeader("X-Frame-Options", "DENY");
            if (hsts) {
                response.putHeader("Strict-Transport-Security", HSTS);
            }
            if (credentials && !response.headers().contains(HttpHeaders.CACHE_CONTROL)) {
                response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        routing.next();
    }
}
