package kr.outage.compensation.payout.rest;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kr.outage.compensation.payout.service.BaselineImport;
import kr.outage.compensation.payout.service.PageView;
import kr.outage.compensation.payout.service.Program;
import kr.outage.compensation.payout.service.ProgramRegistry;
import kr.outage.compensation.payout.service.UnclaimedBusinesses.UnclaimedBusiness;
import kr.outage.compensation.payout.service.UnclaimedBusinesses;
import kr.outage.compensation.platform.http.QueryParameters;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.UUID;

/** The platform's baseline sales per business, for claims without documents and for contacting those who have not claimed. */
@Path("/api/v1/programs/{id}/baselines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Baselines", description = "Baseline sales per business and service")
public class ProgramBaselinesResource {

    @Inject
    ProgramRegistry programs;
    @Inject
    BaselineImport importer;
    @Inject
    UnclaimedBusinesses unclaimed;

    @POST
    @Consumes("text/csv")
    @RolesAllowed(Roles.COMPENSATION_OPERATOR)
    @Blocking
    @Operation(summary = "Import baseline sales (CSV, streamed); bad rows are reported by line and skipped",
            description = "Header: " + BaselineImport.HEADER)
    public BaselineImport.Report importCsv(@PathParam("id") UUID programId, InputStream body) throws Throwable {
        // the program lookup may need a Hibernate Reactive session, which only runs on a Vert.x context
        Program program = VertxContextSupport.subscribeAndAwait(() -> programs.find(programId))
                .orElseThrow(() -> ProblemException.notFound("No program " + programId));
        return importer.run(program, body);
    }

    @GET
    @Path("unclaimed")
    @RolesAllowed({Roles.COMPENSATION_OPERATOR, Roles.CLAIMS_REVIEWER, Roles.AUDITOR})
    @Operation(summary = "Businesses with baseline sales through a covered service that have not claimed, largest first")
    public Uni<PageView<UnclaimedBusiness>> unclaimed(@PathParam("id") UUID programId, @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("page") String page,
                                                      @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("size") String size) {
        int pageIndex = QueryParameters.intInRange("page", page, 0, 0, 1_000_000);
        int pageSize = QueryParameters.intInRange("size", size, 100, 1, 1000);
        return unclaimed.of(programId, pageIndex, pageSize);
    }
}
