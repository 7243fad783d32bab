package kr.outage.compensation.payout.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kr.outage.compensation.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.HeaderParam;
import kr.outage.compensation.payout.service.AccountKeyRotation;
import kr.outage.compensation.payout.service.AccountKeyRotationApproval;
import kr.outage.compensation.platform.approval.Approvals;
import kr.outage.compensation.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' tasks that are not about one program or claim. */
@Path("/api/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Key rotation and other operators' tasks")
public class OperationsResource {

    @Inject
    AccountKeyRotation rotation;
    @Inject
    Approvals approvals;
    @Inject
    SecurityIdentity identity;

    @POST
    @Path("account-key-rotation")
    @RolesAllowed(Roles.PAYOUT_APPROVER)
    @Operation(summary = "Re-read the account key directory (the key with the latest name is current) and re-encrypt every "
            + "bank account still under another key, in chunks; resumable, safe while claims arrive. Call it on each "
            + "replica after adding a key, or restart them")
    @APIResponse(responseCode = "200", description = "How far the re-encryption got",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountKeyRotation.Progress.class)))
    @APIResponse(responseCode = "409", description = "approval-required (a second payout approver must approve "
            + "payout.account-key.rotate of subject account-key first), approval-not-usable, approval-voided",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<AccountKeyRotation.Progress> rotate(@HeaderParam("Approval-Id") String approval) {
        // the same approval serves each replica's call ("call it on each replica"), until it expires
        return approvals.useReactively(AccountKeyRotationApproval.NAME, AccountKeyRotationApproval.SUBJECT, approval, identity,
                "rotation").chain(ok -> rotation.rotate());
    }
}
