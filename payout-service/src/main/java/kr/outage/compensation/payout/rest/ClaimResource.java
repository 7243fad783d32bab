package kr.outage.compensation.payout.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import kr.outage.compensation.payout.persistence.ClaimDecisionEntity;
import kr.outage.compensation.payout.service.ClaimReview;
import kr.outage.compensation.payout.service.RunToCompletion;
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

import java.util.List;
import java.util.UUID;

/** One claim. It holds personal data (bank account, business number): only its filer and claims staff may read it. */
@Path("/api/v1/claims")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "Small-business loss claims")
public class ClaimResource {

    @Inject
    ClaimIntake intake;
    @Inject
    ClaimReview review;

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

    @POST
    @Path("{claimId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLAIMS_REVIEWER, Roles.PAYOUT_APPROVER})
    @Operation(summary = "A committee decision: recommend (reviewer), approve (approver, not the recommender), reject, request evidence")
    public Uni<ClaimView> review(@PathParam("claimId") UUID claimId, @NotNull @Valid ReviewRequest request,
                                 SecurityContext security) {
        return RunToCompletion.of(() -> review.decide(claimId, request, security.getUserPrincipal().getName(), security::isUserInRole))
                .map(intake::view);
    }

    @POST
    @Path("{claimId}/evidence")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "The claimant adds evidence that was requested")
    public Uni<ClaimView> addEvidence(@PathParam("claimId") UUID claimId, @NotNull @Valid EvidenceRequest request,
                                      SecurityContext security) {
        return RunToCompletion.of(() -> review.addEvidence(claimId, request.evidence(), security.getUserPrincipal().getName()))
                .map(intake::view);
    }

    @GET
    @Path("{claimId}/decisions")
    @RolesAllowed({Roles.CLAIMS_REVIEWER, Roles.PAYOUT_APPROVER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "Every decision on the claim, oldest first")
    public Uni<List<ClaimDecisionView>> decisions(@PathParam("claimId") UUID claimId) {
        return ClaimDecisionEntity.<ClaimDecisionEntity>list("claimId = ?1 order by seq", claimId)
                .map(list -> list.stream().map(ClaimDecisionView::of).toList());
    }
}
