package kr.outage.compensation.payout.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kr.outage.compensation.payout.service.ClaimNotices;
import kr.outage.compensation.platform.notice.NoticeCode;
import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A claimant notice by its code, for the suite's public verifier (entitlement-service, with its service
 * token): the verifier compares a pasted message with the text as sent. Not public itself: the text
 * names a business and an amount.
 */
@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "Small-business loss claims")
public class NoticeResource {

    @Inject
    ClaimNotices notices;

    @GET
    @Path("{code}")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "A claimant notice by its code (XXXX-XXXX-XXXX), for the verifier")
    @APIResponse(responseCode = "200", description = "The notice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimNotices.View.class)))
    @APIResponse(responseCode = "404", description = "No notice has this code",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<ClaimNotices.View> byCode(@PathParam("code") String code) {
        NoticeCode parsed = NoticeCode.parse(code).orElseThrow(() -> ProblemException.notFound("No notice has the code " + code));
        return notices.byCode(parsed).map(found -> found.orElseThrow(() -> ProblemException.notFound("No notice has the code "
                + parsed.printed())));
    }
}
