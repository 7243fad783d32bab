package kr.outage.compensation.platform.page;

import io.quarkus.qute.TemplateInstance;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

/**
 * {@code /console/login} and {@code /console/logout} of a service's console. A service extends this
 * with its own {@code @Path("/console")} resource, which supplies the page (its own words) and where
 * a signed-in person lands.
 */
@PermitAll
@Produces(MediaType.TEXT_HTML)
public abstract class ConsoleLoginPage {

    @Inject
    ConsoleSignIn signIn;

    /** The login page; {@code error} is "invalid" after a refused token, null otherwise. */
    protected abstract TemplateInstance page(PageLanguage lang, String next, String error);

    /** Where a sign-in without a valid {@code next} lands. */
    protected abstract String home();

    @GET
    @Path("login")
    @Operation(hidden = true)
    public TemplateInstance form(@QueryParam("next") String next, @QueryParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return language.apply(page(language, ConsoleSignIn.safeNext(next, home()), null));
    }

    @POST
    @Path("login")
    @Operation(hidden = true)
    public Response login(@FormParam("token") String token, @FormParam("next") String next, @FormParam("lang") String lang,
                          @Context UriInfo uri) {
        PageLanguage language = PageLanguage.of(lang);
        String landing = ConsoleSignIn.safeNext(next, home());
        return signIn.session(token, uri)
                .map(cookie -> Response.seeOther(URI.create(landing)).cookie(cookie).build())
                .orElseGet(() -> Response.status(Response.Status.UNAUTHORIZED)
                        .entity(language.apply(page(language, landing, "invalid"))).build());
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout() {
        return Response.seeOther(URI.create("/console/login")).cookie(signIn.signedOut()).build();
    }
}
