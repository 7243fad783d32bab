package kr.outage.compensation.platform.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.PermitAll;
import kr.outage.compensation.platform.console.ConsoleSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.function.Function;

/**
 * {@code <console>/login} and {@code <console>/logout} of a service's console. A service extends this
 * with its own resource at {@code suite.console.path} (entitlement-service {@code /console},
 * payout-service {@code /console/payout}), which names its message bundle, the console's
 * name and sign-in hint in it, and where a signed-in person lands; the page itself
 * (templates/console-login.html) and its chrome are the platform's.
 */
@PermitAll
@Produces(MediaType.TEXT_HTML)
public abstract class ConsoleLoginPage<W> {

    private final Class<W> words;
    private final Function<W, String> consoleName;
    private final Function<W, String> signInHint;
    private final String home;

    @Inject
    ConsoleSignIn signIn;
    @Inject
    ConsoleSettings settings;
    @Inject
    @Location("console-login.html")
    Template loginPage;

    /**
     * @param words       the service's message bundle
     * @param consoleName the console's name, from that bundle
     * @param signInHint  where the reader gets a token, from that bundle
     * @param home        where a sign-in without a valid {@code next} lands
     */
    protected ConsoleLoginPage(Class<W> words, Function<W, String> consoleName, Function<W, String> signInHint, String home) {
        this.words = words;
        this.consoleName = consoleName;
        this.signInHint = signInHint;
        this.home = home;
    }

    /** The login page; {@code error} is "invalid" after a refused token, null otherwise. */
    private TemplateInstance page(PageLanguage lang, String next, String error) {
        W said = MessageBundles.get(words, Localized.Literal.of(lang.code()));
        return loginPage.data("lang", lang).data("next", next).data("error", error)
                .data("site", consoleName.apply(said)).data("intro", signInHint.apply(said));
    }

    @GET
    @Path("login")
    @Operation(hidden = true)
    public TemplateInstance form(@QueryParam("next") String next, @QueryParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return language.apply(page(language, ConsoleSignIn.safeNext(next, home), null));
    }

    @POST
    @Path("login")
    @Operation(hidden = true)
    public Response login(@FormParam("token") String token, @FormParam("next") String next, @FormParam("lang") String lang,
                          @Context UriInfo uri) {
        PageLanguage language = PageLanguage.of(lang);
        String landing = ConsoleSignIn.safeNext(next, home);
        return signIn.session(token, uri)
                .map(cookie -> Response.seeOther(URI.create(landing)).cookie(cookie).build())
                .orElseGet(() -> Response.status(Response.Status.UNAUTHORIZED)
                        .entity(language.apply(page(language, landing, "invalid"))).build());
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout(@Context HttpHeaders headers, @Context UriInfo uri) {
        Cookie session = headers.getCookies().get(signIn.cookieName());
        NewCookie cleared = signIn.signOut(session == null ? null : session.getValue(), uri);
        return Response.seeOther(URI.create(settings.path() + "/login")).cookie(cleared).build();
    }
}
