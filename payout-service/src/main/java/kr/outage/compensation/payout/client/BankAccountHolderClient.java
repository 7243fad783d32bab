package kr.outage.compensation.payout.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The bank gateway's account-holder inquiry (예금주 조회): who holds an account. The gateway answers
 * 200 with the holder's name as the bank has it, or 404 when the bank knows no such open account.
 * Its URL and credentials are the deployment's (see the README's security section).
 */
@RegisterRestClient(configKey = "bank-gateway")
@Path("/v1/account-holder-inquiries")
public interface BankAccountHolderClient {

    record Inquiry(String bank, String accountNumber) {
    }

    record Holder(String holderName) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Holder> inquire(Inquiry inquiry);
}
