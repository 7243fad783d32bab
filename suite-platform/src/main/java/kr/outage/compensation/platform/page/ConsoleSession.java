package kr.outage.compensation.platform.page;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

/**
 * The operators' console signs people in with the suite's own bearer token, kept in an HttpOnly,
 * SameSite=Strict cookie after the login page checked it. Only console paths read the cookie (the
 * JSON API keeps requiring the Authorization header), so a cookie can never act on the API from
 * another site; SameSite=Strict keeps other sites from submitting the console's forms.
 */
public class ConsoleSession {

    public static final String COOKIE = "suite_console_session";

    void readCookieOnConsolePaths(@Observes Router router) {
        router.route("/console/*").order(-1000).handler(rc -> {
            HttpServerRequest request = rc.request();
            var cookie = request.getCookie(COOKIE);
            if (cookie != null && !cookie.getValue().isBlank() && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                request.headers().add(HttpHeaders.AUTHORIZATION, "Bearer " + cookie.getValue());
            }
            rc.next();
        });
    }
}
