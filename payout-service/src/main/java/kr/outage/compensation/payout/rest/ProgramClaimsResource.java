package kr.outage.compensation.payout.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import kr.outage.compensation.payout.domain.ClaimState;
import kr.outage.compensation.payout.service.ClaimIntake;
import kr.outage.compensation.payout.service.ClaimQueries;
import kr.outage.compensation.payout.service.ClaimView;
import kr.outage.compensation.payout.service.PageView;
import kr.outage.compensation.payout.service.RunToCompletion;
import kr.outage.compensation.platform.http.QueryParameters;
import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims filed under a program. A business's owner files for their own business, claims staff for
 * any business with a recorded reason (see {@link Claimants}); listing them shows
 * personal data (bank accounts, business numbers), so only the roles that work claims may.
 */
@Path("/api/v1/programs/{id}/claims")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "Small-business loss claims")
public class ProgramClaimsResource {

    @Inject
    ClaimIntake intake;
    @Inject
    ClaimQueries claims;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUSINESS_OWNER, Roles.CLAIMS_REVIEWER})
    @Operation(summary = "File a claim",
            description = "Requires an Idempotency-Key header: a retry with the same key and body returns the first response. "
                    + "A business owner (role business-owner) files only for a registration number in their token's "
                    + "business_numbers claim; claims staff (claims-reviewer) file for any business with onBehalf.reason. "
                    + "The bank account must be held, as the bank says, by the business or its representative "
                    + "(403 business-not-yours, 422 account-not-found or account-holder-mismatch, 503 bank-inquiry-unavailable).")
    @APIResponse(responseCode = "201", description = "Filed and assessed; Location names the claim",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimView.class)))
    public Uni<Response> file(@PathParam("id") UUID programId, @HeaderParam(IdempotencyKey.HEADER) String key,
                              @NotNull @Valid FileClaimRequest request, SecurityContext security, UriInfo uri) {
        IdempotencyKey.require(key);
        return RunToCompletion.of(() -> intake.file(programId, request.toFiling(), key, Claimants.of(security)))
                .map(stored -> Response.status(stored.status())
                        .location(stored.location() == null ? null : uri.getBaseUri().resolve(URI.create(stored.location().substring(1))))
                        .type(MediaType.APPLICATION_JSON)
                        .entity(stored.body())
                        .build());
    }

    @GET
    @RolesAllowed({Roles.CLAIMS_REVIEWER, Roles.PAYOUT_APPROVER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "The claims of a program, oldest first, optionally by state")
    public Uni<PageView<ClaimView>> list(@PathParam("id") UUID programId,
                                         @Parameter(schema = @Schema(enumeration = {"evidence_requested", "awaiting_review", "recommended",
                                                 "awaiting_budget", "approved", "rejected", "in_payment", "payment_failed", "paid"}))
                                         @QueryParam("state") String state,
                                         @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("page") String page, @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("size") String size) {
        int pageIndex = QueryParameters.intInRange("page", page, 0, 0, 1_000_000);
        int pageSize = QueryParameters.intInRange("size", size, 50, 1, 500);
        return claims.ofProgram(programId, state == null || state.isEmpty() ? Optional.empty() : Optional.of(parseState(state)),
                pageIndex, pageSize);
    }

    @GET
    @Path("review-queue")
    @RolesAllowed({Roles.CLAIMS_REVIEWER, Roles.PAYOUT_APPROVER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "Claims waiting for the committee (awaiting review or recommended), oldest first")
    public Uni<PageView<ClaimView>> reviewQueue(@PathParam("id") UUID programId, @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("page") String page,
                                                @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("size") String size) {
        int pageIndex = QueryParameters.intInRange("page", page, 0, 0, 1_000_000);
        int pageSize = QueryParameters.intInRange("size", size, 50, 1, 500);
        return claims.committeeQueue(programId, pageIndex, pageSize);
    }

    private static ClaimState parseState(String state) {
        return Arrays.stream(ClaimState.values()).filter(s -> s.wireName().equals(state)).findFirst()
                .orElseThrow(() -> ProblemException.field(GeneralProblem.INVALID_PARAMETER, "state", "must be one of "
                        + String.join(", ", Arrays.stream(ClaimState.values()).map(ClaimState::wireName).toList())));
    }
}
