package kr.outage.compensation.entitlement.page;

import kr.outage.compensation.platform.page.PageLanguage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.entitlement.rest.CampaignView;
import kr.outage.compensation.entitlement.rest.IdempotencyKey;
import kr.outage.compensation.entitlement.service.NoticeProgress;
import kr.outage.compensation.entitlement.service.Notices;
import kr.outage.compensation.entitlement.service.PreviewReport;
import kr.outage.compensation.entitlement.service.RunProgress;
import kr.outage.compensation.platform.security.Roles;
import kr.outage.compensation.entitlement.service.CampaignLifecycle;
import kr.outage.compensation.entitlement.service.CampaignPreview;
import kr.outage.compensation.entitlement.service.CampaignRuns;
import kr.outage.compensation.entitlement.service.Campaigns;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.identity.SecurityIdentity;
import kr.outage.compensation.entitlement.service.CampaignPublishApproval;
import kr.outage.compensation.entitlement.service.CampaignRunApproval;
import kr.outage.compensation.platform.approval.Approval;
import kr.outage.compensation.platform.approval.ApprovalState;
import kr.outage.compensation.platform.approval.Approvals;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The operators' console for campaigns: the list, one campaign with its preview totals and the
 * button that applies it, and a run's live progress. Same services as the JSON API, same rules.
 */
@Path("/console/campaigns")
@Produces(MediaType.TEXT_HTML)
public class CampaignConsoleResource {

    /** Seconds between reloads of a run page while the run works (a meta refresh: no JavaScript needed). */
    static final int PROGRESS_REFRESH_SECONDS = 2;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance campaigns(PageLanguage lang, String operator, List<CampaignView> campaigns);

        static native TemplateInstance campaign(PageLanguage lang, String operator, CampaignView campaign, PreviewReport preview,
                                                List<RunProgress> runs, String applyKey, String problem, List<ApprovalRow> approvals,
                                                String publishApproval, String runApproval, boolean operatorHere, NoticeProgress notices);

        static native TemplateInstance run(PageLanguage lang, String operator, CampaignView campaign, RunProgress run,
                                           boolean working, int refreshSeconds);
    }

    @Inject
    Notices notices;
    @Inject
    ConsoleAccess access;
    @Inject
    Campaigns campaigns;
    @Inject
    CampaignPreview previews;
    @Inject
    CampaignRuns runs;
    @Inject
    CampaignLifecycle lifecycle;
    @Inject
    Approvals approvals;
    @Inject
    SecurityIdentity identity;

    /** Who may open a campaign's page: operators, their approvers, auditors. */
    private static final String[] READERS = {Roles.COMPENSATION_OPERATOR, Roles.COMPENSATION_APPROVER, Roles.AUDITOR};

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return access.refuse("/console/campaigns", READERS).orElseGet(() ->
                Response.ok(language.apply(Templates.campaigns(language, access.name(),
                        campaigns.list(false).stream().map(CampaignView::of).toList()))).build());
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public Response campaign(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return access.refuse("/console/campaigns/" + id, READERS)
                .orElseGet(() -> Response.ok(campaignPage(language, id, null)).build());
    }

    /**
     * Apply. The form carries an idempotency key made when the page was drawn, so pressing the button
     * twice, or reloading after a timeout, starts one run.
     */
    @POST
    @Path("{id}/runs")
    @Operation(hidden = true)
    public Response apply(@PathParam("id") UUID id, @FormParam("idempotencyKey") String key, @FormParam("approval") String approval,
                          @FormParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return operatorAction(id, language, () -> {
            IdempotencyKey.require(key);
            approvals.use(CampaignRunApproval.NAME, id.toString(), approval, identity, key);
            var started = runs.start(id, key, null, access.name());
            return Response.seeOther(URI.create("/console/campaigns/" + id + "/runs/" + started.run().id()
                    + "?lang=" + language.code())).build();
        });
    }

    /**
     * Publish a draft, once the operator ticked the confirmation box (a form field, not a script's
     * dialog: the pages run no scripts, and their Content-Security-Policy allows none).
     */
    @POST
    @Path("{id}/publish")
    @Operation(hidden = true)
    public Response publish(@PathParam("id") UUID id, @FormParam("confirm") String confirm, @FormParam("approval") String approval,
                            @FormParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return operatorAction(id, language, () -> {
            requireConfirmed(confirm);
            approvals.use(CampaignPublishApproval.NAME, id.toString(), approval, identity, null);
            lifecycle.publish(id, access.name(), "published from the console");
            return backToCampaign(id, language);
        });
    }

    /** Withdraw with the reason typed on the page; an applied campaign is refused until rolled back. */
    @POST
    @Path("{id}/withdraw")
    @Operation(hidden = true)
    public Response withdraw(@PathParam("id") UUID id, @FormParam("reason") String reason, @FormParam("confirm") String confirm,
                             @FormParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return operatorAction(id, language, () -> {
            requireConfirmed(confirm);
            if (reason == null || reason.isBlank() || reason.length() > 1000) {
                throw ProblemException.invalidParameter("reason", "must be 1 to 1000 characters");
            }
            lifecycle.withdraw(id, access.name(), reason.trim());
            return backToCampaign(id, language);
        });
    }

    /** An operator asks for a second person's approval to publish or apply, as the page shows it now. */
    @POST
    @Path("{id}/approvals")
    @Operation(hidden = true)
    public Response askApproval(@PathParam("id") UUID id, @FormParam("action") String action, @FormParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return operatorAction(id, language, () -> {
            if (!CampaignPublishApproval.NAME.equals(action) && !CampaignRunApproval.NAME.equals(action)) {
                throw ProblemException.invalidParameter("action", "must be " + CampaignPublishApproval.NAME + " or "
                        + CampaignRunApproval.NAME);
            }
            approvals.request(action, id.toString(), identity);
            return backToCampaign(id, language);
        });
    }

    /** An approver (not the one who asked) approves or rejects a request shown on the page. */
    @POST
    @Path("{id}/approvals/{approvalId}/{decision:approve|reject}")
    @Operation(hidden = true)
    public Response decide(@PathParam("id") UUID id, @PathParam("approvalId") UUID approvalId, @PathParam("decision") String decision,
                           @FormParam("reason") String reason, @FormParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return access.refuse("/console/campaigns/" + id, Roles.COMPENSATION_APPROVER).orElseGet(() -> {
            try {
                if (!approvals.get(approvalId, identity).subject().equals(id.toString())) {
                    throw ProblemException.notFound("No approval " + approvalId + " for this campaign");
                }
                if (decision.equals("approve")) {
                    approvals.approve(approvalId, identity, null);
                } else {
                    if (reason == null || reason.isBlank() || reason.length() > 1000) {
                        throw ProblemException.invalidParameter("reason", "must be 1 to 1000 characters");
                    }
                    approvals.reject(approvalId, identity, reason.trim());
                }
                return backToCampaign(id, language);
            } catch (ProblemException refused) {
                return Response.status(refused.type().status()).entity(campaignPage(language, id, refused.getMessage())).build();
            }
        });
    }

    private static void requireConfirmed(String confirm) {
        if (!"yes".equals(confirm)) {
            throw ProblemException.invalidParameter("confirm", "tick the box to confirm; nothing was changed");
        }
    }

    /**
     * A form an operator sent about a campaign: done through the same services as the API; a refusal
     * is shown on the campaign's page with its status and reason, and changes nothing.
     */
    private Response operatorAction(UUID id, PageLanguage language, java.util.function.Supplier<Response> action) {
        return access.refuse("/console/campaigns/" + id, Roles.COMPENSATION_OPERATOR).orElseGet(() -> {
            try {
                return action.get();
            } catch (ProblemException refused) {
                return Response.status(refused.type().status()).entity(campaignPage(language, id, refused.getMessage())).build();
            }
        });
    }

    private static Response backToCampaign(UUID id, PageLanguage language) {
        return Response.seeOther(URI.create("/console/campaigns/" + id + "?lang=" + language.code())).build();
    }

    @GET
    @Path("{id}/runs/{runId}")
    @Operation(hidden = true)
    public Response run(@PathParam("id") UUID id, @PathParam("runId") UUID runId, @QueryParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return access.refuse("/console/campaigns/" + id + "/runs/" + runId, READERS)
                .orElseGet(() -> {
                    RunProgress run = runs.view(id, runId);
                    String state = run.state();
                    boolean working = state.equals("preparing") || state.equals("running");
                    return Response.ok(language.apply(Templates.run(language, access.name(), CampaignView.of(campaigns.get(id)),
                            run, working, PROGRESS_REFRESH_SECONDS))).build();
                });
    }

    private TemplateInstance campaignPage(PageLanguage language, UUID id, String problem) {
        CampaignView campaign = CampaignView.of(campaigns.get(id));
        String reader = access.name();
        List<Approval> requests = approvals.forSubject(id.toString(), identity);
        boolean approver = identity.hasRole(Roles.COMPENSATION_APPROVER);
        List<ApprovalRow> rows = requests.stream().map(a -> ApprovalRow.of(a, reader, approver)).toList();
        return language.apply(Templates.campaign(language, reader, campaign, previews.preview(id), runs.list(id),
                UUID.randomUUID().toString(), problem, rows, usable(requests, CampaignPublishApproval.NAME, reader),
                usable(requests, CampaignRunApproval.NAME, reader), identity.hasRole(Roles.COMPENSATION_OPERATOR),
                notices.progress(id)));
    }

    /** The reader's own approved, unused approval of {@code action}, which the action's form then carries; null if none. */
    private static String usable(List<Approval> requests, String action, String reader) {
        return requests.stream().filter(a -> a.action().equals(action) && a.requestedBy().equals(reader)
                        && a.state() == ApprovalState.APPROVED).map(a -> a.id().toString()).findFirst().orElse(null);
    }
}
