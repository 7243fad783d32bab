package kr.outage.compensation.platform.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.qute.Template;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The 403 of a console page, as a page in the reader's language: who is signed in, which role the
 * page needs, and the two ways on, signing out or signing in as someone else who has the role
 * (coming back to this page). A signed-in reviewer who follows a link to the campaign console should
 * not be left with a line of English text and no way out.
 */
@ApplicationScoped
public class ConsoleRefusal {

    @Inject
    @Location("console-refused.html")
    Template page;
    @Inject
    CurrentVertxRequest request;

    /**
     * The refusal in the language the request asked for ({@code ?lang=}).
     *
     * @param words       the service's message bundle
     * @param consoleName the console's name, from that bundle
     * @param operator    who is signed in
     * @param path        the page refused, where signing in as someone else comes back to
     * @param roles       the roles any of which the page needs
     */
    public <W> Response response(Class<W> words, Function<W, String> consoleName, String operator, String path,
                                 String... roles) {
        PageLanguage lang = PageLanguage.of(request.getCurrent().request().getParam("lang"));
        String site = consoleName.apply(MessageBundles.get(words, Localized.Literal.of(lang.code())));
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(lang.apply(page.data("lang", lang).data("site", site).data("operator", operator)
                        .data("roles", String.join(", ", roles))
                        .data("next", URLEncoder.encode(path, StandardCharsets.UTF_8))))
                .build();
    }
}
