package kr.outage.compensation.payout.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.validation.constraints.Positive;
import kr.outage.compensation.payout.service.ProgramBudgets;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.platform.security.Roles;
import kr.outage.compensation.payout.service.ProgramRegistry;
import kr.outage.compensation.payout.service.ProgramStats;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.outage.compensation.payout.service.RunToCompletion;
import kr.outage.compensation.payout.service.ProgramStatistics;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "Small-business support programs")
public class ProgramResource {

    @Inject
    ProgramRegistry programs;
    @Inject
    ProgramStats stats;
    @Inject
    ProgramBudgets budgets;
    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPENSATION_OPERATOR)
    @Operation(summary = "Define a support program for an incident",
            description = "The incident must exist in incident-service and have impaired every listed service.")
    @APIResponse(responseCode = "201", description = "Defined; Location names the program",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramView.class)))
    public Uni<Response> create(@NotNull @Valid CreateProgramRequest request, SecurityContext security, UriInfo uri) {
        return RunToCompletion.of(() -> programs.create(request.toDefinition(), security.getUserPrincipal().getName()))
                .map(p -> Response.created(uri.getAbsolutePathBuilder().path(p.id().toString()).build())
                        .entity(ProgramView.of(p, clock.instant())).build());
    }

    @GET
    @PermitAll
    @Operation(summary = "All programs, newest first")
    public Uni<List<ProgramView>> list() {
        return programs.all().map(all -> all.stream().map(p -> ProgramView.of(p, clock.instant())).toList());
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "A program's published terms")
    public Uni<ProgramView> get(@PathParam("id") UUID id) {
        return programs.find(id).map(found -> ProgramView.of(
                found.orElseThrow(() -> ProblemException.notFound("No program " + id)), clock.instant()));
    }

    /** The new budget, in KRW. */
    public record BudgetRequest(@NotNull @Positive Long budgetKrw) {
    }

    @PUT
    @Path("{id}/budget")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPENSATION_OPERATOR)
    @Operation(summary = "Set the program's budget (not below what approvals have committed); claims waiting for budget "
            + "are then approved in filing order as far as it goes")
    public Uni<ProgramBudgets.Raised> budget(@PathParam("id") UUID id, @NotNull @Valid BudgetRequest request,
                                             SecurityContext security) {
        return RunToCompletion.of(() -> budgets.raise(id, request.budgetKrw(), security.getUserPrincipal().getName()));
    }

    @GET
    @Path("{id}/stats")
    @PermitAll
    @Operation(summary = "The published figures: claims by state, category, service and tier; amounts; intake per day")
    public Uni<ProgramStatistics> stats(@PathParam("id") UUID id) {
        return stats.of(id);
    }
}
