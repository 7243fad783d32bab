package kr.outage.compensation.entitlement.rest;

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
import kr.outage.compensation.platform.security.Roles;
import kr.outage.compensation.entitlement.service.BulkImports;
import kr.outage.compensation.entitlement.service.ContactBook;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.entitlement.service.Subscriptions;
import kr.outage.compensation.entitlement.service.StoredSubscription;
import kr.outage.compensation.entitlement.service.ImportReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URI;

/** Subscriptions: one at a time, or millions in a streamed CSV upload. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "Passes, and the accounts that hold them")
public class SubscriptionResource {

    @Inject
    Subscriptions subscriptions;
    @Inject
    BulkImports imports;
    @Inject
    ContactBook contactBook;
    @Inject
    Caller caller;

    @POST
    @Path("subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMPENSATION_OPERATOR, Roles.SERVICE})
    @Operation(summary = "Add one subscription")
    @APIResponse(responseCode = "201", description = "Added; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredSubscription.class)))
    public Response create(@NotNull @Valid SubscriptionRequest request) {
        StoredSubscription view = subscriptions.create(request.toSubscription(), caller.name());
        return Response.created(URI.create("/api/v1/subscriptions/" + view.id())).entity(view).build();
    }

    @POST
    @Path("subscriptions/import")
    @Consumes("text/csv")
    @RolesAllowed({Roles.COMPENSATION_OPERATOR, Roles.SERVICE})
    @Operation(summary = "Bulk-load subscriptions from CSV (streamed through COPY); bad rows are reported by line",
            description = "Header: user_id,product,kind,channel,status,country,started_at,ended_at,next_billing_date,expires_on "
                    + "- optionally followed by ,store_product_id,store_original_transaction_id,store_purchase_token: the "
                    + "store identity of apple-billed (product id and original transaction id) and google-billed (product id "
                    + "and purchase token) recurring passes, empty on other rows; without it an in-app pass is compensated in cash")
    public ImportReport importSubscriptions(InputStream body) {
        return imports.subscriptions(body, caller.name());
    }

    @POST
    @Path("accounts/import")
    @Consumes("text/csv")
    @RolesAllowed({Roles.COMPENSATION_OPERATOR, Roles.SERVICE})
    @Operation(summary = "Bulk-load accounts (everyone a gift pack may reach) from CSV; known accounts are kept",
            description = "Header: user_id,country,created_at")
    public ImportReport importAccounts(InputStream body) {
        return imports.accounts(body, caller.name());
    }

    @POST
    @Path("contacts/import")
    @Consumes("text/csv")
    @RolesAllowed({Roles.COMPENSATION_OPERATOR, Roles.SERVICE})
    @Operation(summary = "Bulk-load the contact details notices are sent to, from CSV; stored encrypted, shown masked",
            description = "Header: user_id,email,phone (either may be empty, not both; phone a mobile number such as "
                    + "010-1234-5678 or +821012345678). A later row for the same account replaces the earlier one; rows for "
                    + "unknown accounts are counted and not stored. Kept for retainDays (default: the deployment's retention, "
                    + "180 days), then deleted; sent notices keep only the masked recipient. 409 contacts-not-configured "
                    + "when the deployment has no contact keys")
    @APIResponse(responseCode = "200", description = "Imported", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContactBook.Imported.class)))
    public ContactBook.Imported importContacts(InputStream body, @QueryParam("retainDays") String retainDays) {
        Integer days = null;
        if (retainDays != null) {
            if (!retainDays.matches("\\d{1,4}")) {
                throw ProblemException.invalidParameter("retainDays", "must be a whole number of days");
            }
            days = Integer.parseInt(retainDays);
        }
        return contactBook.load(body, days, caller.name());
    }

    @GET
    @Path("subscriptions/{id}")
    @RolesAllowed({Roles.COMPENSATION_OPERATOR, Roles.AUDITOR, Roles.SERVICE})
    public StoredSubscription get(@PathParam("id") long id) {
        return subscriptions.get(id);
    }

    @POST
    @Path("subscriptions/{id}/cancellation")
    @RolesAllowed({Roles.COMPENSATION_OPERATOR, Roles.SERVICE})
    @Operation(summary = "Cancel a pass now")
    public StoredSubscription cancel(@PathParam("id") long id) {
        return subscriptions.cancel(id, caller.name());
    }
}
