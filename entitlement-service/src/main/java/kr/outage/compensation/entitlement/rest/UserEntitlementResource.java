package kr.outage.compensation.entitlement.rest;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kr.outage.compensation.entitlement.persistence.EntitlementViewQuery;
import kr.outage.compensation.entitlement.service.OfferVerification;
import kr.outage.compensation.entitlement.service.Wallets;
import kr.outage.compensation.entitlement.service.WalletEntry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

/** What a person holds: "my passes / coupons / cash", and spending from it. */
@Path("/api/v1/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Users", description = "A person's passes, cash, coupons and items")
public class UserEntitlementResource {

    @Inject
    EntitlementViewQuery view;
    @Inject
    Wallets wallets;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    OfferVerification verification;

    @GET
    @Path("entitlements")
    @Operation(summary = "Passes with dates and what changed them, cash balance and ledger, coupons, items, and the notices sent")
    @APIResponse(responseCode = "200", description = "The account's entitlements now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserEntitlementsDocument.class)))
    public String entitlements(@PathParam("userId") String userId) {
        caller.requireSelfOr(userId, Caller.READERS);
        return view.render(userId, clock.instant(), verification.verifyUrl());
    }

    @POST
    @Path("wallet/debits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Spend cash (Idempotency-Key required)")
    @APIResponse(responseCode = "201", description = "Debited", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WalletEntry.class)))
    @APIResponse(responseCode = "200", description = "This Idempotency-Key already debited: the same entry again", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WalletEntry.class)))
    public Response debit(@PathParam("userId") String userId, @HeaderParam(IdempotencyKey.HEADER) String key,
                          @NotNull @Valid DebitRequest request) {
        caller.requireSelfOr(userId, Caller.ACTORS);
        IdempotencyKey.require(key);
        var result = wallets.debit(userId, key, request.amountKrw(), request.reason(), caller.name());
        return Response.status(result.status()).entity(result.entry()).build();
    }

    @POST
    @Path("coupons/{couponId}/use")
    @Operation(summary = "Use a coupon at checkout")
    @APIResponse(responseCode = "204", description = "Used")
    public Response useCoupon(@PathParam("userId") String userId, @PathParam("couponId") long couponId) {
        caller.requireSelfOr(userId, Caller.ACTORS);
        wallets.useCoupon(userId, couponId, caller.name());
        return Response.noContent().build();
    }
}
