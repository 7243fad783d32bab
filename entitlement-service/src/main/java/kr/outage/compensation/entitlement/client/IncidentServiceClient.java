package kr.outage.compensation.entitlement.client;

import kr.outage.compensation.platform.client.ServiceTokenHeaders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * incident-service's public contract, as far as this service uses it. Blocking: campaigns are
 * defined rarely, on worker threads, and the answer decides whether anything is stored at all.
 */
@RegisterRestClient(configKey = "incident-service")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public interface IncidentServiceClient {

    @GET
    @Path("{id}/impact/check")
    ImpactCheck check(@PathParam("id") UUID incidentId, @QueryParam("service") String service,
                      @QueryParam("platform") String platform);
}
