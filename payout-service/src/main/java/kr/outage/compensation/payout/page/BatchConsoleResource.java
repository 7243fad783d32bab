package kr.outage.compensation.payout.page;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kr.outage.compensation.payout.service.PayoutBatchReport;
import kr.outage.compensation.payout.service.PayoutBatches;
import kr.outage.compensation.platform.page.PageLanguage;
import kr.outage.compensation.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import kr.outage.compensation.payout.service.PayoutBatchApprovals;
import kr.outage.compensation.platform.approval.Approval;
import kr.outage.compensation.platform.approval.Approvals;
import kr.outage.compensation.platform.problem.ProblemException;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Payout batches with their totals and settlement state, and the bank-transfer file of each. */
@Path("/console/batches")
@Produces(MediaType.TEXT_HTML)
public class BatchConsoleResource {

    static final String[] READERS = {Roles.PAYOUT_APPROVER, Roles.CLAIMS_REVIEWER, Roles.AUDITOR};
    static final int BATCHES_LISTED = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance batches(PageLanguage lang, String operator, List<PayoutBatchReport> batches,
                                               boolean mayDownload, Map<UUID, BatchApprovalRow> releases);
    }

    @Inject
    ConsoleAccess access;
    @Inject
    PayoutBatches batches;
    @Inject
    Approvals approvals;

    @GET
    @WithSession
    @Operation(hidden = true)
    public Uni<Response> list(@QueryParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return access.allow("/console/batches", READERS, who -> batches.latest(BATCHES_LISTED)
                .chain(views -> approvals.offTheEventLoop(() -> releases(views, who))
                        .map(releases -> Response.ok(language.apply(Templates.batches(language, who.getPrincipal().getName(), views,
                                who.hasRole(Roles.PAYOUT_APPROVER), releases))).build())));
    }

    /** Per batch on the page, where its transfer-file release stands for this reader. */
    private Map<UUID, BatchApprovalRow> releases(List<PayoutBatchReport> views, SecurityIdentity who) {
        List<Approval> all = approvals.forSubjects(views.stream().map(v -> v.id().toString()).toList(), who).stream()
                .filter(a -> a.action().equals(PayoutBatchApprovals.RELEASE)).toList();
        Map<UUID, BatchApprovalRow> rows = new HashMap<>();
        for (PayoutBatchReport view : views) {
            rows.put(view.id(), BatchApprovalRow.of(all.stream().filter(a -> a.subject().equals(view.id().toString())).toList(),
                    who.getPrincipal().getName(), who.hasRole(Roles.PAYOUT_APPROVER)));
        }
        return rows;
    }

    /**
     * The same file as the API's transfers.csv, for the approver signed in to the console who asked for
     * its release and had it approved by another ({@code ?approval=}).
     */
    @GET
    @Path("{batchId}/transfers.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Uni<Response> transfers(@PathParam("batchId") UUID batchId, @QueryParam("approval") String approval) {
        return access.allow("/console/batches", new String[]{Roles.PAYOUT_APPROVER}, who -> approvals
                .useReactively(PayoutBatchApprovals.RELEASE, batchId.toString(), approval, who, "transfers.csv")
                .chain(ok -> batches.transferFile(batchId, who.getPrincipal().getName()))
                .map(csv -> Response.ok(csv, "text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"payout-batch-" + batchId + ".csv\"").build())
                .onFailure(ProblemException.class).recoverWithItem(refused -> refusal((ProblemException) refused)));
    }

    /** An approver asks for the release of a batch's transfer file; another approves it on this page. */
    @POST
    @Path("{batchId}/approvals")
    @Operation(hidden = true)
    public Uni<Response> askRelease(@PathParam("batchId") UUID batchId, @FormParam("lang") String lang) {
        return access.allow("/console/batches", new String[]{Roles.PAYOUT_APPROVER}, who -> approvals
                .offTheEventLoop(() -> approvals.request(PayoutBatchApprovals.RELEASE, batchId.toString(), who))
                .map(asked -> backToBatches(lang))
                .onFailure(ProblemException.class).recoverWithItem(refused -> refusal((ProblemException) refused)));
    }

    @POST
    @Path("{batchId}/approvals/{approvalId}/approve")
    @Operation(hidden = true)
    public Uni<Response> approveRelease(@PathParam("batchId") UUID batchId, @PathParam("approvalId") UUID approvalId,
                                        @FormParam("lang") String lang) {
        return access.allow("/console/batches", new String[]{Roles.PAYOUT_APPROVER}, who -> approvals
                .offTheEventLoop(() -> {
                    if (!approvals.get(approvalId, who).subject().equals(batchId.toString())) {
                        throw ProblemException.notFound("No approval " + approvalId + " for this batch");
                    }
                    return approvals.approve(approvalId, who, null);
                })
                .map(approved -> backToBatches(lang))
                .onFailure(ProblemException.class).recoverWithItem(refused -> refusal((ProblemException) refused)));
    }

    private static Response backToBatches(String lang) {
        return Response.seeOther(URI.create("/console/batches?lang=" + PageLanguage.of(lang).code())).build();
    }

    /** A refusal as a short problem text (the batch console has no form page to show it on). */
    private static Response refusal(ProblemException refused) {
        return Response.status(refused.type().status()).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(refused.getMessage()).build();
    }
}
