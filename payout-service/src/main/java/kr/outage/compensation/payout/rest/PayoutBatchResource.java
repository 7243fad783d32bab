package kr.outage.compensation.payout.rest;

import kr.outage.compensation.platform.http.QueryParameters;
import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import kr.outage.compensation.platform.security.Roles;
import kr.outage.compensation.payout.service.PayoutBatches;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.outage.compensation.payout.service.RunToCompletion;
import kr.outage.compensation.payout.service.PayoutBatchReport;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.HeaderParam;
import kr.outage.compensation.payout.service.PayoutBatchApprovals;
import kr.outage.compensation.platform.approval.Approvals;
import kr.outage.compensation.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.util.List;
import java.util.UUID;
import kr.outage.compensation.payout.service.BankResult;
import kr.outage.compensation.payout.service.ReturnedTransfer;

@Path("/api/v1/payout-batches/{batchId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payouts", description = "Payout batches, the bank-transfer file and settlement")
public class PayoutBatchResource {

    @Inject
    PayoutBatches batches;
    @Inject
    Approvals approvals;
    @Inject
    SecurityIdentity identity;

    /** The header carrying a second payout approver's approval. */
    static final String APPROVAL = "Approval-Id";

    @GET
    @RolesAllowed({Roles.PAYOUT_APPROVER, Roles.CLAIMS_REVIEWER, Roles.AUDITOR})
    @Operation(summary = "Batch state, totals by item state, and a page of its items")
    public Uni<PayoutBatchReport> get(@PathParam("batchId") UUID batchId, @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("page") String page,
                                    @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("size") String size) {
        return batches.view(batchId, QueryParameters.intInRange("page", page, 0, 0, 1_000_000),
                QueryParameters.intInRange("size", size, 100, 1, 1000));
    }

    @GET
    @Path("transfers.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.PAYOUT_APPROVER)
    @Operation(summary = "The bank-transfer file for the items still to pay (full account numbers)")
    @APIResponse(responseCode = "200", description = "The file: one line per item still to pay",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "approval-required (a second payout approver must approve "
            + "payout.batch.release first), approval-not-usable, approval-voided",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<Response> transfers(@PathParam("batchId") UUID batchId, @HeaderParam(APPROVAL) String approval,
                                   SecurityContext security) {
        // the same approval downloads the file again (a lost download), by the one who asked, until it expires
        return approvals.useReactively(PayoutBatchApprovals.RELEASE, batchId.toString(), approval, identity, "transfers.csv")
                .chain(ok -> batches.transferFile(batchId, security.getUserPrincipal().getName()))
                .map(csv -> Response.ok(csv, "text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"payout-batch-" + batchId + ".csv\"").build());
    }

    @POST
    @Path("settlement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PAYOUT_APPROVER)
    @Operation(summary = "Record the bank's results: paid items are booked as paid; a failed item with a permanent code "
            + "(or none) puts its claim in payment_failed until its bank account is corrected (PUT "
            + "/api/v1/claims/{claimId}/bank-account); a transient code (bank_unavailable, timeout, daily_limit_exceeded) "
            + "sends it back to approved for a later batch on the same account, up to payout.payments.transient-retries "
            + "times in a row")
    @APIResponse(responseCode = "200", description = "The batch after settlement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PayoutBatchReport.class)))
    @APIResponse(responseCode = "409", description = "approval-required (a second payout approver must approve "
            + "payout.batch.settle first), approval-not-usable, approval-voided; or the settlement does not fit the batch",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<PayoutBatchReport> settle(@PathParam("batchId") UUID batchId, @HeaderParam(APPROVAL) String approval,
                                         @NotNull @Valid SettlementRequest request, SecurityContext security) {
        // the file is checked before the approval is used up: a refused file leaves the approval for the corrected one
        List<BankResult> results = request.toResults();
        return batches.settlementFits(batchId, results)
                .chain(() -> approvals.useReactively(PayoutBatchApprovals.SETTLE, batchId.toString(), approval, identity, null))
                .chain(ok -> RunToCompletion.of(() -> batches.settle(batchId, results, security.getUserPrincipal().getName())))
                .chain(id -> batches.view(id, 0, 100));
    }

    @POST
    @Path("returns")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PAYOUT_APPROVER)
    @Operation(summary = "Record transfers the bank sent back after they were settled as paid: each reverses its payment "
            + "in the ledger and puts its claim in payment_failed until its bank account is corrected. Items already "
            + "returned keep their first return")
    @APIResponse(responseCode = "200", description = "The batch afterwards",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PayoutBatchReport.class)))
    @APIResponse(responseCode = "409", description = "approval-required (a second payout approver must approve "
            + "payout.batch.return first), approval-not-usable, approval-voided; or transfer-not-paid (an item this batch "
            + "has not paid; nothing was changed)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<PayoutBatchReport> returns(@PathParam("batchId") UUID batchId, @HeaderParam(APPROVAL) String approval,
                                          @NotNull @Valid ReturnsRequest request, SecurityContext security) {
        List<ReturnedTransfer> returned = request.toReturns();
        return batches.returnsFit(batchId, returned)
                .chain(() -> approvals.useReactively(PayoutBatchApprovals.RETURN, batchId.toString(), approval, identity, null))
                .chain(ok -> RunToCompletion.of(() -> batches.returned(batchId, returned, security.getUserPrincipal().getName())))
                .chain(id -> batches.view(id, 0, 100));
    }
}
