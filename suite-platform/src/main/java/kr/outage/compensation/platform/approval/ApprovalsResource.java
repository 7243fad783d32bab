package kr.outage.compensation.platform.approval;

import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/v1/approvals} of a service: ask for an action that needs a second person, see what waits
 * for whom, approve or reject. A service that has approvable actions extends this with
 * {@code @Path("/api/v1/approvals")}.
 */
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public abstract class ApprovalsResource {

    @Inject
    Approvals approvals;
    @Inject
    SecurityIdentity caller;

    /** Asking for an action on a subject (for a campaign: its id). */
    public record ApprovalRequestBody(@NotBlank @Size(max = 60) String action,
                                      @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String subject) {
    }

    /** A checker's decision: a note when approving, the reason (required) when rejecting. */
    public record DecisionBody(@Size(max = 1000) String reason) {
    }

    public record RejectionBody(@NotBlank @Size(max = 1000) String reason) {
    }

    /** An approval request as the maker, the checker and auditors see it. */
    public record ApprovalView(UUID id, String action, String subject,
                               @Schema(description = "What the approver is shown, frozen when it was asked for") Map<String, Object> summary,
                               @Schema(enumeration = {"pending", "approved", "rejected", "voided", "used", "expired"}) String state,
                               String requestedBy, Instant requestedAt, Instant expiresAt,
                               @Schema(nullable = true) String decidedBy, @Schema(nullable = true) Instant decidedAt,
                               @Schema(nullable = true) String reason, @Schema(nullable = true) Instant usedAt) {
        static ApprovalView of(Approval a) {
            return new ApprovalView(a.id(), a.action(), a.subject(), a.summary(), a.state().name().toLowerCase(Locale.ROOT),
                    a.requestedBy(), a.requestedAt(), a.expiresAt(), a.decidedBy(), a.decidedAt(), a.reason(), a.usedAt());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for an action that needs a second person (maker); what the approver will see is frozen now")
    @APIResponse(responseCode = "201", description = "Pending; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    @APIResponse(responseCode = "400", description = "approval-unknown-action, or invalid fields",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller may not ask for this action",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response request(@NotNull @Valid ApprovalRequestBody body) {
        Approval created = approvals.request(body.action().trim(), body.subject().trim(), caller);
        return Response.created(URI.create("/api/v1/approvals/" + created.id())).entity(ApprovalView.of(created)).build();
    }

    @GET
    @Operation(summary = "Approval requests the caller may see, newest first; ?state=pending for what waits")
    @APIResponse(responseCode = "200", description = "Newest first, at most 500",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class,
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "state is not one of the states",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public List<ApprovalView> list(@QueryParam("state") @Pattern(regexp = "pending|approved|rejected|voided|used|expired")
                                   String state) {
        if (!approvals.mayList(caller)) {
            throw new ForbiddenException();
        }
        return approvals.list(state == null ? null : ApprovalState.valueOf(state.toUpperCase(Locale.ROOT)), caller).stream()
                .map(ApprovalView::of).toList();
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The request, with what the approver was shown",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    @APIResponse(responseCode = "404", description = "No such approval request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ApprovalView get(@PathParam("id") UUID id) {
        return ApprovalView.of(approvals.get(id, caller));
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve (checker: a different person with the action's approver role); the body's reason is an optional note")
    @APIResponse(responseCode = "200", description = "Approved: the maker may now carry the action out once, with Approval-Id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    @APIResponse(responseCode = "403", description = "approval-own-request, or the caller lacks the approver role",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "approval-not-pending (decided, expired, voided) or approval-voided "
            + "(the subject changed since it was asked for)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ApprovalView approve(@PathParam("id") UUID id, @Valid DecisionBody body) {
        return ApprovalView.of(approvals.approve(id, caller, body == null ? null : blankToNull(body.reason())));
    }

    /** The same, for a request with no body at all (and so no Content-Type). */
    @POST
    @Path("{id}/approve")
    @Operation(hidden = true)
    public ApprovalView approveWithoutNote(@PathParam("id") UUID id) {
        return approve(id, null);
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject, with a reason (checker)")
    @APIResponse(responseCode = "200", description = "Rejected: the action cannot be carried out with it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    @APIResponse(responseCode = "403", description = "approval-own-request, or the caller lacks the approver role",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "approval-not-pending",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ApprovalView reject(@PathParam("id") UUID id, @NotNull @Valid RejectionBody body) {
        return ApprovalView.of(approvals.reject(id, caller, body.reason().trim()));
    }

    private static String blankToNull(String s) {
        if (s != null && s.isBlank()) {
            throw new ProblemException(GeneralProblem.VALIDATION_FAILED, "reason, when given, must not be blank");
        }
        return s == null ? null : s.trim();
    }
}
