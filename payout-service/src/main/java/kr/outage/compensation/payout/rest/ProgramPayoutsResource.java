package kr.outage.compensation.payout.rest;

import kr.outage.compensation.platform.http.QueryParameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import kr.outage.compensation.platform.security.Roles;
import kr.outage.compensation.payout.service.PayoutBatches;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.outage.compensation.payout.service.RunToCompletion;
import kr.outage.compensation.payout.service.PayoutBatchReport;
import kr.outage.compensation.payout.service.PageView;
import java.net.URI;
import java.util.UUID;

@Path("/api/v1/programs/{id}/payout-batches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payouts")
public class ProgramPayoutsResource {

    static final int FIRST_ITEMS = 100;

    @Inject
    PayoutBatches batches;

    @POST
    @RolesAllowed(Roles.PAYOUT_APPROVER)
    @Operation(summary = "Pay every approved, unpaid claim of the program, exactly once",
            description = "Requires an Idempotency-Key header; a replay creates nothing and answers with the same batch. "
                    + "The answer is the batch with its totals and its first 100 items (GET it with page and size for more).")
    @APIResponse(responseCode = "201", description = "The batch", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PayoutBatchReport.class)))
    public Uni<Response> create(@PathParam("id") UUID programId, @HeaderParam(IdempotencyKey.HEADER) String key,
                                SecurityContext security, UriInfo uri) {
        IdempotencyKey.require(key);
        return RunToCompletion.retryingConflicts(() -> batches.create(programId, key, security.getUserPrincipal().getName()))
                .chain(stored -> batches.view(UUID.fromString(stored.location().substring(stored.location().lastIndexOf('/') + 1)),
                                0, FIRST_ITEMS)
                        .map(view -> Response.status(stored.status())
                                .location(uri.getBaseUri().resolve(URI.create(stored.location().substring(1))))
                                .type(MediaType.APPLICATION_JSON).entity(view).build()));
    }

    @GET
    @RolesAllowed({Roles.PAYOUT_APPROVER, Roles.CLAIMS_REVIEWER, Roles.AUDITOR})
    @Operation(summary = "The program's payout batches, newest first, with their totals by settlement state (paged)")
    public Uni<PageView<PayoutBatchReport.Summary>> list(@PathParam("id") UUID programId, @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("page") String page,
                                                       @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("size") String size) {
        return batches.list(programId, QueryParameters.intInRange("page", page, 0, 0, 1_000_000),
                QueryParameters.intInRange("size", size, 20, 1, 100));
    }
}
