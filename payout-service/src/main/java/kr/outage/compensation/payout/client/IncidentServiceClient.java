package kr.outage.compensation.payout.client;

import kr.outage.compensation.platform.client.ServiceTokenHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** incident-service's public contract, as far as this service uses it. */
@RegisterRestClient(configKey = "incident-service")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public interface IncidentServiceClient {

    @GET
    @Path("{id}")
    Uni<IncidentSummary> incident(@PathParam("id") UUID incidentId);

    @GET
    @Path("{id}/impact/check")
    Uni<ImpactCheck> check(@PathParam("id") UUID incidentId, @QueryParam("service") String service,
                           @QueryParam("platform") String platform, @QueryParam("at") String at);
}
