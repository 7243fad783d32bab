package kr.outage.compensation.incident.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kr.outage.compensation.incident.domain.ComponentState;
import kr.outage.compensation.incident.domain.Platform;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.incident.service.ImpactCache;
import kr.outage.compensation.incident.service.IncidentSnapshot;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Computed impact windows. Served from memory; see {@link ImpactCache} for how it stays current. */
@Path("/api/v1/incidents/{id}/impact")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Impact", description = "Computed impact windows and the impact check other services call")
public class ImpactResource {

    @Inject
    ImpactCache cache;
    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Impact windows per service, platform and function, with totals")
    public Uni<ImpactView> impact(@PathParam("id") UUID id,
                                  @Parameter(description = "Only this service (a lower-case service key)", schema = @Schema(pattern = Wire.KEY)) @QueryParam("service") String service,
                                  @Parameter(description = "mobile, web, pc, or all (the default: the platforms taken together)", schema = @Schema(enumeration = {"mobile", "web", "pc", "all"}, defaultValue = "all")) @QueryParam("platform") String platform,
                                  @Parameter(description = "Count degraded performance as impaired too", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("includeDegraded") String includeDegraded) {
        Optional<String> serviceFilter = service == null || service.isEmpty() ? Optional.empty()
                : Optional.of(QueryParams.requiredKey("service", service));
        Platform platformFilter = QueryParams.platform(platform);
        ComponentState threshold = QueryParams.threshold(includeDegraded);
        return snapshot(id).map(s -> ImpactViews.impact(s, serviceFilter, platformFilter, threshold, clock.instant()));
    }

    @GET
    @Path("check")
    @Operation(summary = "Was service S on platform P impaired at T, and for how long in total?")
    public Uni<ImpactCheckView> check(@PathParam("id") UUID id,
                                      @Parameter(required = true, description = "The service (a lower-case service key)", schema = @Schema(pattern = Wire.KEY)) @QueryParam("service") String service,
                                      @Parameter(description = "mobile, web, pc, or all (the default: the platforms taken together)", schema = @Schema(enumeration = {"mobile", "web", "pc", "all"}, defaultValue = "all")) @QueryParam("platform") String platform,
                                      @Parameter(description = "The instant asked about (ISO-8601 with offset); without it only the totals", schema = @Schema(format = "date-time")) @QueryParam("at") String at,
                                      @Parameter(description = "Count degraded performance as impaired too", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("includeDegraded") String includeDegraded) {
        String serviceKey = QueryParams.requiredKey("service", service);
        Platform platformFilter = QueryParams.platform(platform);
        Optional<Instant> instant = QueryParams.instant("at", at);
        ComponentState threshold = QueryParams.threshold(includeDegraded);
        return snapshot(id).map(s -> ImpactViews.check(s, serviceKey, platformFilter, instant, threshold, clock.instant()));
    }

    private Uni<IncidentSnapshot> snapshot(UUID id) {
        return cache.get(id).map(found -> found.orElseThrow(() -> ProblemException.notFound("No incident " + id)));
    }
}
