package kr.outage.compensation.entitlement.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kr.outage.compensation.entitlement.service.OfferVerification;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    @Operation(summary = "Every compensation that was made official (withdrawn ones included, marked so): what it gives, "
            + "to whom, until when. Drafts are not listed")
    public List<PublicCompensationView> registry() {
        return verification.registry().stream().map(PublicCompensationView::of).toList();
    }

    @GET
    @Path("verify")
    @Operation(summary = "Is an offer official? Give its code, or the text of the offer as you saw it (at most 2,000 "
            + "characters). The verdict is official, not_official, suspicious, withdrawn, unverified, altered or unknown, with reasons")
    public VerificationView verify(
            @Parameter(description = "A campaign code quoted by the offer") @QueryParam("code") String code,
            @Parameter(description = "The text of the offer as received (message, post, mail)") @QueryParam("offer") String offer) {
        return VerificationView.of(verification.verify(code, offer));
    }
}
