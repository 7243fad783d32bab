package kr.outage.compensation.incident.rest;

import kr.outage.compensation.platform.http.QueryParameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.platform.security.Roles;
import kr.outage.compensation.incident.service.ImpactCache;
import kr.outage.compensation.incident.service.IncidentCommands;
import kr.outage.compensation.incident.service.IncidentQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "Incidents and their timelines")
public class IncidentResource {

    @Inject
    IncidentCommands commands;
    @Inject
    IncidentQueries queries;
    @Inject
    ImpactCache cache;
    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INCIDENT_COMMANDER)
    @Operation(summary = "Declare an incident")
    @APIResponse(responseCode = "201", description = "Declared; Location names the incident", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Uni<Response> declare(@NotNull @Valid DeclareIncidentRequest request, SecurityContext security, UriInfo uri) {
        return commands.declare(request.toDeclaration(), principal(security))
                .chain(incident -> snapshotView(incident.id))
                .map(view -> Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                        .entity(view).build());
    }

    @GET
    @PermitAll
    @Operation(summary = "List incidents, newest first",
            description = "Filter by status and by a time range [from, to) that the incident overlaps.")
    public Uni<PageView<IncidentListItem>> list(
            @Parameter(schema = @Schema(enumeration = {"investigating", "identified", "monitoring", "resolved"})) @QueryParam("status") String status,
            @Parameter(description = "Incidents still open at or after this instant", schema = @Schema(format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Incidents started before this instant (after from)", schema = @Schema(format = "date-time")) @QueryParam("to") String to,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20")) @QueryParam("size") String size) {
        var statusFilter = QueryParams.status(status);
        var fromFilter = QueryParams.instant("from", from);
        var toFilter = QueryParams.instant("to", to);
        if (fromFilter.isPresent() && toFilter.isPresent() && !fromFilter.get().isBefore(toFilter.get())) {
            throw ProblemException.invalidParameter("to", "must be after from");
        }
        int pageIndex = QueryParameters.intInRange("page", page, 0, 0, 100_000);
        int pageSize = QueryParameters.intInRange("size", size, 20, 1, 200);
        return queries.list(statusFilter, fromFilter, toFilter, pageIndex, pageSize)
                .map(found -> new PageView<>(found.items().stream().map(IncidentListItem::of).toList(),
                        pageIndex, pageSize, found.total()));
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "An incident with its affected services, current states and computed durations")
    public Uni<IncidentView> get(@PathParam("id") UUID id) {
        return snapshotView(id);
    }

    @POST
    @Path("{id}/updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INCIDENT_COMMANDER)
    @Operation(summary = "Add a timeline update (may be back-dated)")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the update", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimelineEntryView.class)))
    public Uni<Response> recordUpdate(@PathParam("id") UUID id, @NotNull @Valid TimelineUpdateRequest request,
                                      SecurityContext security, UriInfo uri) {
        return commands.recordUpdate(id, request.toTimelineUpdate(), principal(security))
                .invoke(() -> cache.evict(id))
                .chain(update -> entry(id, update.id))
                .map(entry -> Response.created(uri.getAbsolutePathBuilder().path(entry.id().toString()).build())
                        .entity(entry).build());
    }

    @GET
    @Path("{id}/updates/{updateId}")
    @PermitAll
    @Operation(summary = "One timeline update as recorded")
    public Uni<TimelineEntryView> update(@PathParam("id") UUID id, @PathParam("updateId") UUID updateId) {
        return entry(id, updateId);
    }

    @POST
    @Path("{id}/updates/{updateId}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INCIDENT_COMMANDER)
    @Operation(summary = "Correct an update: the replacement takes effect, the original is kept, marked superseded")
    @APIResponse(responseCode = "201", description = "The replacement; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimelineEntryView.class)))
    public Uni<Response> correct(@PathParam("id") UUID id, @PathParam("updateId") UUID updateId,
                                 @NotNull @Valid CorrectionRequest request, SecurityContext security, UriInfo uri) {
        return commands.correct(id, updateId, request.replacement().toTimelineUpdate(), request.reason(), principal(security))
                .invoke(() -> cache.evict(id))
                .chain(replacement -> entry(id, replacement.id))
                .map(entry -> Response.created(uri.getBaseUriBuilder()
                                .path("api/v1/incidents").path(id.toString()).path("updates").path(entry.id().toString()).build())
                        .entity(entry).build());
    }

    @POST
    @Path("{id}/updates/{updateId}/retraction")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INCIDENT_COMMANDER)
    @Operation(summary = "Retract an update: it no longer counts, and stays visible with the reason")
    public Uni<TimelineEntryView> retract(@PathParam("id") UUID id, @PathParam("updateId") UUID updateId,
                                          @NotNull @Valid RetractionRequest request, SecurityContext security) {
        return commands.retract(id, updateId, request.reason(), principal(security))
                .invoke(() -> cache.evict(id))
                .chain(update -> entry(id, update.id));
    }

    @GET
    @Path("{id}/timeline")
    @PermitAll
    @Operation(summary = "Every update in time order, including corrected and retracted ones")
    public Uni<List<TimelineEntryView>> timeline(@PathParam("id") UUID id) {
        return queries.timeline(id).map(found -> found
                .orElseThrow(() -> ProblemException.notFound("No incident " + id))
                .stream().map(TimelineEntryView::of).toList());
    }

    @GET
    @Path("{id}/audit")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.AUDITOR})
    @Operation(summary = "Who changed what and when")
    public Uni<List<AuditEntryView>> audit(@PathParam("id") UUID id) {
        return queries.audit(id).map(found -> found
                .orElseThrow(() -> ProblemException.notFound("No incident " + id))
                .stream().map(AuditEntryView::of).toList());
    }

    private Uni<IncidentView> snapshotView(UUID id) {
        return cache.get(id).map(found -> ImpactViews.incident(
                found.orElseThrow(() -> ProblemException.notFound("No incident " + id)), clock.instant()));
    }

    private Uni<TimelineEntryView> entry(UUID id, UUID updateId) {
        return queries.update(id, updateId).map(found -> TimelineEntryView.of(found.orElseThrow(() ->
                ProblemException.notFound("No update " + updateId + " in incident " + id))));
    }

    private static String principal(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }
}
