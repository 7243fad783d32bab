package kr.outage.compensation.entitlement.page;

import kr.outage.compensation.platform.page.PageLanguage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.entitlement.rest.PublicCompensationView;
import kr.outage.compensation.entitlement.rest.VerificationView;
import kr.outage.compensation.entitlement.service.OfferVerification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Optional;

/**
 * "Is this compensation real?": the official list and a box for the offer someone was sent. A plain
 * form, so it works without JavaScript. The form posts the message: what people paste may hold their
 * name, number or a code, and a URL keeps it in browser history, proxies and server logs. A link
 * with {@code ?offer=} made before (shared, bookmarked) is still answered.
 */
@Path("/compensations")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class VerifyPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verify(PageLanguage lang, String offer, VerificationView answer, String problem,
                                              List<PublicCompensationView> official, String customerCentre);
    }

    @Inject
    OfferVerification verification;
    /** The operator's official customer-centre line, shown to whoever was sent a message that is not ours. */
    @ConfigProperty(name = "entitlement.verify.customer-centre")
    Optional<String> customerCentre;

    @GET
    @Path("verify")
    @Operation(summary = "Is this compensation real? (HTML page over the registry and the verify API)")
    public TemplateInstance verify(@QueryParam("offer") String offer, @QueryParam("lang") String lang) {
        return answer(offer, lang);
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Is this compensation real? (the page's form: the message in the body, never in the URL)")
    public TemplateInstance verifyPosted(@FormParam("offer") String offer, @FormParam("lang") String lang) {
        return answer(offer, lang);
    }

    private TemplateInstance answer(String offer, String lang) {
        PageLanguage language = PageLanguage.of(lang);
        VerificationView answer = null;
        String problem = null;
        if (offer != null && !offer.isBlank()) {
            try {
                answer = VerificationView.of(verification.verify(null, offer));
            } catch (ProblemException refused) {
                problem = refused.getMessage();
            }
        }
        return language.apply(Templates.verify(language, offer == null ? "" : offer, answer, problem, verification.registry().stream().map(PublicCompensationView::of).toList(), customerCentre.orElse(null)));
    }
}
