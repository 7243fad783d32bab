package kr.outage.compensation.platform.page;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Optional;

/**
 * Signing in to a console with a token of the suite's identity provider. The token is verified
 * exactly as the API verifies it before it is kept in the session cookie, which lives no longer than
 * the token itself. Each service's console has its own login page and landing page; this is the part
 * they share.
 */
@ApplicationScoped
public class ConsoleSignIn {

    @Inject
    JWTParser parser;

    /** Production marks the cookie Secure whatever the scheme the pod saw (TLS ends at the ingress). */
    @ConfigProperty(name = "suite.console.secure-cookie", defaultValue = "false")
    boolean secureCookie;

    /** The session cookie for a token that verified, or empty for one that did not. */
    public Optional<NewCookie> session(String token, UriInfo uri) {
        String raw = token == null ? "" : token.trim();
        JsonWebToken jwt;
        try {
            jwt = parser.parse(raw);
        } catch (ParseException refused) {
            return Optional.empty();
        }
        long lifetime = Math.max(0, jwt.getExpirationTime() - Instant.now().getEpochSecond());
        return Optional.of(new NewCookie.Builder(ConsoleSession.COOKIE).value(raw).path("/").httpOnly(true)
                .secure(secureCookie || "https".equals(uri.getBaseUri().getScheme())).sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) Math.min(lifetime, Integer.MAX_VALUE)).build());
    }

    public NewCookie signedOut() {
        return new NewCookie.Builder(ConsoleSession.COOKIE).value("").path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
    }

    /** Only a path inside the console: a login link must not send people to another site. */
    public static String safeNext(String next, String home) {
        return next != null && next.startsWith("/console/") && !next.startsWith("//") && !next.contains("\\")
                ? next : home;
    }
}
