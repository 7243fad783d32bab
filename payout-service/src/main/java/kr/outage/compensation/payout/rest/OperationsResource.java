package kr.outage.compensation.payout.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kr.outage.compensation.platform.security.Roles;
import kr.outage.compensation.payout.service.AccountKeyRotation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' tasks that are not about one program or claim. */
@Path("/api/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Key rotation and other operators' tasks")
public class OperationsResource {

    @Inject
    AccountKeyRotation rotation;

    @POST
    @Path("account-key-rotation")
    @RolesAllowed(Roles.PAYOUT_APPROVER)
    @Operation(summary = "Re-read the account key directory (the key with the latest name is current) and re-encrypt every "
            + "bank account still under another key, in chunks; resumable, safe while claims arrive. Call it on each "
            + "replica after adding a key, or restart them")
    public Uni<AccountKeyRotation.Progress> rotate() {
        return rotation.rotate();
    }
}
