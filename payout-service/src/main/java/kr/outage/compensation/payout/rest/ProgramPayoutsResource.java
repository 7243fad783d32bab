package kr.outage.compensation.payout.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import kr.outage.compensation.payout.security.Roles;
import kr.outage.compensation.payout.service.PayoutBatches;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.outage.compensation.payout.service.RunToCompletion;
import java.net.URI;
import java.util.UUID;

@Path("/api/v1/programs/{id}/payout-batches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payouts")
public class ProgramPayoutsResource {

    @Inject
    PayoutBatches batches;

    @POST
    @RolesAllowed(Roles.PAYOUT_APPROVER)
    @Operation(summary = "Pay every approved, unpaid claim of the program, exactly once",
            description = "Requires an Idempotency-Key header; a replay returns the first response.")
    public Uni<Response> create(@PathParam("id") UUID programId, @HeaderParam(IdempotencyKey.HEADER) String key,
                                SecurityContext security, UriInfo uri) {
        IdempotencyKey.require(key);
        return RunToCompletion.of(() -> batches.create(programId, key, security.getUserPrincipal().getName()))
                .map(stored -> Response.status(stored.status())
                        .location(uri.getBaseUri().resolve(URI.create(stored.location().substring(1))))
                        .type(MediaType.APPLICATION_JSON).entity(stored.body()).build());
    }
}
