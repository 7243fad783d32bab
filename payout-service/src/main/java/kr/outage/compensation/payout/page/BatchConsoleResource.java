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

import java.util.List;
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
                                               boolean mayDownload);
    }

    @Inject
    ConsoleAccess access;
    @Inject
    PayoutBatches batches;

    @GET
    @WithSession
    @Operation(hidden = true)
    public Uni<Response> list(@QueryParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return access.allow("/console/batches", READERS, who -> batches.latest(BATCHES_LISTED)
                .map(views -> Response.ok(language.apply(Templates.batches(language, who.getPrincipal().getName(), views,
                        who.hasRole(Roles.PAYOUT_APPROVER)))).build()));
    }

    /** The same file as the API's transfers.csv, for an approver signed in to the console. */
    @GET
    @Path("{batchId}/transfers.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Uni<Response> transfers(@PathParam("batchId") UUID batchId) {
        return access.allow("/console/batches", new String[]{Roles.PAYOUT_APPROVER}, who -> batches.transferFile(batchId, who.getPrincipal().getName())
                .map(csv -> Response.ok(csv, "text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"payout-batch-" + batchId + ".csv\"").build()));
    }
}
