package kr.outage.compensation.entitlement.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kr.outage.compensation.platform.client.ServiceTokenHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * payout-service's claimant notices by code, as far as the verifier uses them. Blocking: the verifier
 * runs on a worker thread. The raw response, so that 404 (no such notice) is an answer, not an error.
 */
@RegisterRestClient(configKey = "payout-service")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
public interface PayoutNoticesClient {

    @GET
    @Path("{code}")
    Response byCode(@PathParam("code") String code);
}
