package kr.outage.compensation.payout.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import kr.outage.compensation.payout.persistence.ClaimEntity;
import kr.outage.compensation.payout.problem.ProblemException;
import kr.outage.compensation.payout.security.Roles;
import kr.outage.compensation.payout.service.ClaimIntake;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** One claim. It holds personal data (bank account, business number): only its filer and claims staff may read it. */
@Path("/api/v1/claims")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "Small-business loss claims")
public class ClaimResource {

    @Inject
    ClaimIntake intake;

    @GET
    @Path("{claimId}")
    @Authenticated
    @WithSession
    @Operation(summary = "A claim with its state and assessment (its filer, or claims staff)")
    public Uni<ClaimView> get(@PathParam("claimId") UUID claimId, SecurityContext security) {
        return ClaimEntity.<ClaimEntity>findById(claimId).map(claim -> {
            // not-found rather than forbidden, so nobody can probe which claims exist
            if (claim == null || !(isStaff(security) || claim.filedBy.equals(security.getUserPrincipal().getName()))) {
                throw ProblemException.notFound("No claim " + claimId);
            }
            return intake.view(claim);
        });
    }

    private static boolean isStaff(SecurityContext security) {
        return security.isUserInRole(Roles.CLAIMS_REVIEWER) || security.isUserInRole(Roles.PAYOUT_APPROVER)
                || security.isUserInRole(Roles.AUDITOR);
    }
}
