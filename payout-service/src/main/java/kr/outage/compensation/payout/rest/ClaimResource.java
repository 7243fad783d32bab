package kr.outage.compensation.payout.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import kr.outage.compensation.payout.domain.BankAccount;
import kr.outage.compensation.payout.service.BankAccountCorrections;
import kr.outage.compensation.payout.service.ClaimDecisionView;
import kr.outage.compensation.payout.service.ClaimIntake;
import kr.outage.compensation.payout.service.ClaimObjections;
import kr.outage.compensation.payout.service.ClaimNotices;
import kr.outage.compensation.payout.service.ObjectionView;
import kr.outage.compensation.payout.service.ClaimQueries;
import kr.outage.compensation.payout.service.ClaimReview;
import kr.outage.compensation.payout.service.ClaimView;
import kr.outage.compensation.payout.service.RunToCompletion;
import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    ClaimQueries claims;
    @Inject
    ClaimReview review;
    @Inject
    BankAccountCorrections corrections;
    @Inject
    ClaimObjections objections;
    @Inject
    ClaimNotices claimNotices;

    @GET
    @Path("{claimId}")
    @Authenticated
    @WithSession
    @Operation(summary = "A claim with its state and assessment (its filer, or claims staff)")
    public Uni<ClaimView> get(@PathParam("claimId") UUID claimId, SecurityContext security) {
        return claims.readableBy(claimId, security.getUserPrincipal().getName(), isStaff(security));
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
        return RunToCompletion.of(() -> review.decide(claimId, request.toVote(), security.getUserPrincipal().getName(), security::isUserInRole))
                .map(intake::view);
    }

    @POST
    @Path("{claimId}/evidence")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "The claimant adds evidence that was requested")
    public Uni<ClaimView> addEvidence(@PathParam("claimId") UUID claimId, @NotNull @Valid EvidenceRequest request,
                                      SecurityContext security) {
        return RunToCompletion.of(() -> review.addEvidence(claimId, request.evidence().stream().map(FileClaimRequest.Evidence::toEvidence).toList(), security.getUserPrincipal().getName()))
                .map(intake::view);
    }

    /** The corrected account, and why (kept in the claim's history with both numbers masked). */
    public record BankAccountCorrection(@NotNull @Valid FileClaimRequest.BankAccount bankAccount, @Size(max = 500) String reason) {
    }

    @PUT
    @Path("{claimId}/bank-account")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Correct the bank account of a claim (its filer, or claims staff); a claim whose transfer "
            + "failed returns to approved for the next batch, unless it failed payout.payments.max-failures times, "
            + "when it waits for an operator")
    @APIResponse(responseCode = "200", description = "The claim with its new (masked) account")
    @APIResponse(responseCode = "404", description = "No such claim, or not the caller's",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "payment-in-progress (the bank has not answered yet), or "
            + "illegal-transition (paid or rejected)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "account-unchanged: the account that failed, given again; "
            + "account-not-found or account-holder-mismatch: the bank knows no such account, or it is held by neither "
            + "the business nor its representative",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<ClaimView> correctBankAccount(@PathParam("claimId") UUID claimId, @NotNull @Valid BankAccountCorrection request,
                                             SecurityContext security) {
        var given = request.bankAccount();
        BankAccount account = new BankAccount(given.bank(), given.accountNumber(), given.holder());
        boolean operator = security.isUserInRole(Roles.CLAIMS_REVIEWER) || security.isUserInRole(Roles.PAYOUT_APPROVER);
        return corrections.confirmAccount(claimId, account, Claimants.of(security), operator)
                .chain(confirmed -> RunToCompletion.retryingConflicts(() -> corrections.correct(claimId, account,
                        request.reason(), security.getUserPrincipal().getName(), operator, confirmed)))
                .map(corrected -> intake.view(corrected.claim()));
    }

    @POST
    @Path("{claimId}/objection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "The filer objects to the claim's decision (이의신청): once, within the program's objectionDays "
            + "after a rejection or an approved amount; the committee answers it with four eyes")
    @APIResponse(responseCode = "201", description = "Filed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectionView.class)))
    @APIResponse(responseCode = "200", description = "The same objection, sent again: the one already filed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectionView.class)))
    @APIResponse(responseCode = "404", description = "No such claim, or not the caller's",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "objection-not-allowed (no decision yet) or objection-already-filed "
            + "(another objection to this claim)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "objection-period-over",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<Response> object(@PathParam("claimId") UUID claimId, @NotNull @Valid ObjectionRequest request,
                                SecurityContext security) {
        return RunToCompletion.of(() -> objections.file(claimId, request.reason().strip(), request.documentList(),
                        security.getUserPrincipal().getName()))
                .map(filed -> Response.status(filed.created() ? 201 : 200).entity(filed.objection())
                        .location(java.net.URI.create("/api/v1/claims/" + claimId + "/objection")).build());
    }

    @GET
    @Path("{claimId}/objection")
    @Authenticated
    @Operation(summary = "The objection to a claim and where the committee's answer stands (its filer, or claims staff)")
    @APIResponse(responseCode = "200", description = "The objection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectionView.class)))
    @APIResponse(responseCode = "404", description = "No such claim, not the caller's, or no objection",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<ObjectionView> objection(@PathParam("claimId") UUID claimId, SecurityContext security) {
        return objections.view(claimId, security.getUserPrincipal().getName(), isStaff(security));
    }

    @POST
    @Path("{claimId}/objection/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLAIMS_REVIEWER, Roles.PAYOUT_APPROVER})
    @Operation(summary = "The committee's answer to an objection: recommend (claims reviewer), then decide (payout "
            + "approver, not the recommender). An amended amount is booked now and its difference paid in a later batch")
    @APIResponse(responseCode = "200", description = "The objection afterwards",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectionView.class)))
    @APIResponse(responseCode = "403", description = "forbidden (wrong role for the step) or four-eyes-required",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition (already recommended or decided, or not "
            + "recommended yet), or budget-exhausted",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<ObjectionView> reviewObjection(@PathParam("claimId") UUID claimId, @NotNull @Valid ObjectionReviewRequest request,
                                              SecurityContext security) {
        return RunToCompletion.of(() -> objections.review(claimId, request.toVote(), security.getUserPrincipal().getName(),
                security::isUserInRole));
    }

    @GET
    @Path("{claimId}/notices")
    @Authenticated
    @WithSession
    @Operation(summary = "What the claim's filer was told (filed, approved, rejected, paid, payment failed), each with its "
            + "code and its text exactly as sent, the channel and masked recipient (its filer, or claims staff)")
    @APIResponse(responseCode = "200", description = "The claim's notices, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.ARRAY, implementation = ClaimNotices.View.class)))
    @APIResponse(responseCode = "404", description = "No such claim, or not the caller's",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<List<ClaimNotices.View>> notices(@PathParam("claimId") UUID claimId, SecurityContext security) {
        return claims.readableBy(claimId, security.getUserPrincipal().getName(), isStaff(security))
                .chain(readable -> claimNotices.forClaim(claimId));
    }

    @GET
    @Path("{claimId}/decisions")
    @RolesAllowed({Roles.CLAIMS_REVIEWER, Roles.PAYOUT_APPROVER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "Every decision on the claim, oldest first")
    public Uni<List<ClaimDecisionView>> decisions(@PathParam("claimId") UUID claimId) {
        return claims.decisions(claimId);
    }
}
