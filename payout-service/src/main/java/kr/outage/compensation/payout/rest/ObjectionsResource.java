package kr.outage.compensation.payout.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kr.outage.compensation.payout.service.ClaimObjections;
import kr.outage.compensation.payout.service.ObjectionView;
import kr.outage.compensation.payout.service.PageView;
import kr.outage.compensation.platform.http.QueryParameters;
import kr.outage.compensation.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

/** The committee's queue of objections, across programs. */
@Path("/api/v1/objections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "Small-business loss claims")
public class ObjectionsResource {

    private static final Set<String> STATES = Set.of("open", "decided", "all");

    @Inject
    ClaimObjections objections;

    @GET
    @RolesAllowed({Roles.CLAIMS_REVIEWER, Roles.PAYOUT_APPROVER, Roles.AUDITOR})
    @Operation(summary = "Objections still to answer (open: filed or recommended), answered (decided), or all; oldest first; of every program or of one")
    public Uni<PageView<ObjectionView>> list(
            @Parameter(description = "Only this program's objections", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("program") String program,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"open", "decided", "all"}, defaultValue = "open"))
            @QueryParam("state") String state,
            @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Objections per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("size") String size) {
        return objections.list(QueryParameters.uuidOrNull("program", program), QueryParameters.oneOf("state", state, STATES, "open"),
                QueryParameters.intInRange("page", page, 0, 0, 1_000_000), QueryParameters.intInRange("size", size, 50, 1, 200));
    }
}
