package kr.outage.compensation.entitlement.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kr.outage.compensation.entitlement.service.OfferVerification;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The public, authoritative list of official compensations, and "is this offer real?". No login. */
@Path("/api/v1/public/compensations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public", description = "Official compensations and offer verification")
public class PublicCompensationResource {

    @Inject
    OfferVerification verification;

    @GET
    @Operation(summary = "Every official compensation: what it gives, to whom, until when")
    public List<PublicCompensationView> registry() {
        return verification.registry();
    }

    @GET
    @Path("verify")
    @Operation(summary = "Is an offer official? Give its code, or the text of the offer as you saw it")
    public VerificationView verify(@QueryParam("code") String code, @QueryParam("offer") String offer) {
        return verification.verify(code, offer);
    }
}
