package kr.outage.compensation.entitlement.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kr.outage.compensation.entitlement.problem.ProblemType;
import kr.outage.compensation.entitlement.service.AppleNotificationIntake;
import kr.outage.compensation.entitlement.store.AppleNotifications;
import kr.outage.compensation.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The App Store Server Notifications (version 2) URL of the app, as set in App Store Connect. Apple
 * cannot present the suite's bearer tokens, so the endpoint is open and trusts only the signature
 * Apple's verifier checks: a body that does not verify is refused and changes nothing.
 */
@Path("/api/v1/stores/apple/notifications")
@Tag(name = "Stores", description = "What the App Store reports back about the suite's extensions")
public class AppleNotificationResource {

    /** Apple's notification body: one signed JWS. */
    public record NotificationBody(@NotBlank @Size(max = 100_000) String signedPayload) {
    }

    /**
     * {@code outcome}: what the notification settled: extended (a subscription waiting on a mass extension),
     * fallback (one the mass extension could not extend: its fallback was credited), overturned (the mass
     * extension could not extend one an earlier RENEWAL_EXTENDED, another extension's, had settled: its
     * fallback was credited), complete (a mass extension is done), none (nothing the suite is waiting for,
     * or a RENEWAL_EXTENDED that answers a one-subscription request of the suite's), duplicate (received before).
     */
    public record NotificationReceipt(@Schema(enumeration = {"extended", "fallback", "overturned", "complete", "none", "duplicate"})
                                      String outcome) {
    }

    @Inject
    AppleNotificationIntake intake;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive an App Store Server Notification (signed by Apple; no bearer token)",
            description = "RENEWAL_EXTENDED and RENEWAL_EXTENSION (FAILURE, SUMMARY) settle the campaign requests that wait "
                    + "on an App Store mass extension; every other notification is acknowledged and changes nothing.")
    @APIResponse(responseCode = "200", description = "Verified and applied (or received before)")
    @APIResponse(responseCode = "400", description = "notification-not-verified: not signed by Apple for this app, or the body is malformed")
    public NotificationReceipt receive(@NotNull @Valid NotificationBody body) {
        try {
            return new NotificationReceipt(intake.accept(body.signedPayload()).name().toLowerCase(java.util.Locale.ROOT));
        } catch (AppleNotifications.Rejected e) {
            throw new ProblemException(ProblemType.NOTIFICATION_NOT_VERIFIED, e.getMessage());
        }
    }
}
