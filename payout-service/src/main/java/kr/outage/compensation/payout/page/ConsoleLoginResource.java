package kr.outage.compensation.payout.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Instant;

/**
 * Signing in to the console with a token of the suite's identity provider (in development:
 * {@code bin/dev-token claims-reviewer}). The token is verified exactly as the API verifies
 * it before it is kept in the session cookie, which lives no longer than the token itself.
 */
@Path("/console")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class ConsoleLoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(PageLanguage lang, String next, String error);
    }

    @Inject
    JWTParser parser;

    @GET
    @Path("login")
    @Operation(hidden = true)
    public TemplateInstance form(@QueryParam("next") String next, @QueryParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return language.apply(Templates.login(language, safeNext(next), null));
    }

    @POST
    @Path("login")
    @Operation(hidden = true)
    public Response login(@FormParam("token") String token, @FormParam("next") String next, @FormParam("lang") String lang,
                          @Context UriInfo uri) {
        PageLanguage language = PageLanguage.of(lang);
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token == null ? "" : token.trim());
        } catch (ParseException refused) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(language.apply(Templates.login(language, safeNext(next), "invalid"))).build();
        }
        long lifetime = Math.max(0, jwt.getExpirationTime() - Instant.now().getEpochSecond());
        NewCookie session = new NewCookie.Builder(ConsoleSession.COOKIE).value(token.trim()).path("/").httpOnly(true)
                .secure("https".equals(uri.getBaseUri().getScheme())).sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) Math.min(lifetime, Integer.MAX_VALUE)).build();
        return Response.seeOther(URI.create(safeNext(next))).cookie(session).build();
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout() {
        NewCookie cleared = new NewCookie.Builder(ConsoleSession.COOKIE).value("").path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
        return Response.seeOther(URI.create("/console/login")).cookie(cleared).build();
    }

    /** Only a path inside the console: a login link must not send people to another site. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/console/") && !next.startsWith("//") && !next.contains("\\")
                ? next : "/console/reviews";
    }
}
