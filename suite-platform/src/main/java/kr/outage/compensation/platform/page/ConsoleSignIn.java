package kr.outage.compensation.platform.page;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import kr.outage.compensation.platform.console.ConsoleSessions;
import kr.outage.compensation.platform.console.ConsoleSettings;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Signing in to a console with a token of the suite's identity provider. The token is verified
 * exactly as the API verifies it; then a server-side session is opened and only its random id goes
 * into the cookie (the token itself is not kept anywhere). Each service's console has its own
 * sign-in page and landing page; this is the part they share.
 */
@ApplicationScoped
public class ConsoleSignIn {

    @Inject
    JWTParser parser;
    @Inject
    ConsoleSessions sessions;
    @Inject
    ConsoleSettings settings;

    /** The session cookie for a token that verified, or empty for one that did not. */
    public Optional<NewCookie> session(String token, UriInfo uri) {
        String raw = token == null ? "" : token.trim();
        JsonWebToken jwt;
        try {
            jwt = parser.parse(raw);
        } catch (ParseException refused) {
            return Optional.empty();
        }
        var opened = sessions.open(jwt.getName(), jwt.getGroups(), Instant.ofEpochSecond(jwt.getExpirationTime()));
        return Optional.of(cookie(opened.id(), uri).maxAge((int) Math.min(opened.lifetime().toSeconds(), Integer.MAX_VALUE))
                .build());
    }

    /** Ends the session the cookie names (on the server: a copy of the cookie opens nothing afterwards). */
    public NewCookie signOut(String sessionId, UriInfo uri) {
        sessions.revoke(sessionId);
        return cookie("", uri).maxAge(0).build();
    }

    public String cookieName() {
        return sessions.cookieName();
    }

    private NewCookie.Builder cookie(String value, UriInfo uri) {
        return new NewCookie.Builder(sessions.cookieName()).value(value).path("/console").httpOnly(true)
                .secure(settings.secureCookie() || "https".equals(uri.getBaseUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT);
    }

    /** This console's sign-in page, coming back to {@code path} afterwards. */
    public URI signInFor(String path) {
        return URI.create(settings.path() + "/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    }

    /** Only a path inside the console: a login link must not send people to another site. */
    public static String safeNext(String next, String home) {
        return next != null && next.startsWith("/console/") && !next.startsWith("//") && !next.contains("\\")
                ? next : home;
    }
}
