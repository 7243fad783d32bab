package kr.outage.compensation.platform.testing;

import io.restassured.RestAssured;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;

import static io.restassured.RestAssured.given;

/**
 * Signs in to the console of the service under test as a browser would (its sign-in form, from its
 * own origin) and hands back the session cookie, for tests of console pages.
 */
public final class ConsoleLogins {

    private ConsoleLogins() {
    }

    /** This service's console root ({@code suite.console.path}). */
    public static String consolePath() {
        return ConfigProvider.getConfig().getOptionalValue("suite.console.path", String.class).orElse("/console");
    }

    /** The session cookie of a fresh sign-in with this token; fails the test if the sign-in is refused. */
    public static Cookie session(String token) {
        Response signedIn = given().header("Origin", RestAssured.baseURI + ":" + RestAssured.port)
                .formParam("token", token).redirects().follow(false).post(consolePath() + "/login");
        if (signedIn.statusCode() != 303) {
            throw new AssertionError("sign-in refused: " + signedIn.statusCode() + " " + signedIn.body().asString());
        }
        var cookie = signedIn.getDetailedCookies().asList().stream().filter(c -> !c.getValue().isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("sign-in set no session cookie"));
        return new Cookie.Builder(cookie.getName(), cookie.getValue()).build();
    }
}
