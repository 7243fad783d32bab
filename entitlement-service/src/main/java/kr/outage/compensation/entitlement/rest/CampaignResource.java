package kr.outage.compensation.entitlement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kr.outage.compensation.platform.security.Roles;
import kr.outage.compensation.entitlement.service.NoticeProgress;
import kr.outage.compensation.entitlement.service.Notices;
import kr.outage.compensation.entitlement.service.CampaignDefinitions;
import kr.outage.compensation.entitlement.service.CampaignLifecycle;
import kr.outage.compensation.entitlement.service.CampaignPreview;
import kr.outage.compensation.entitlement.service.CampaignRollback;
import kr.outage.compensation.entitlement.service.CampaignRuns;
import kr.outage.compensation.entitlement.service.Campaigns;
import kr.outage.compensation.entitlement.service.ClaimWorkers;
import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.entitlement.service.RunProgress;
import kr.outage.compensation.entitlement.service.RollbackReport;
import kr.outage.compensation.entitlement.service.PreviewReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import kr.outage.compensation.entitlement.service.CampaignPublishApproval;
import kr.outage.compensation.entitlement.service.CampaignRollbackApproval;
import kr.outage.compensation.entitlement.service.CampaignRunApproval;
import kr.outage.compensation.platform.approval.Approvals;

import java.net.URI;
import java.util.concurrent.CompletionStage;
import java.util.List;
import java.util.UUID;

/** Compensation campaigns: define a draft, edit, publish, preview, apply in runs, roll back, withdraw, and capped claims. */
@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Compensation campaigns applied exactly once per subject")
public class CampaignResource {

    @Inject
    Notices notices;
    @Inject
    CampaignDefinitions definitions;
    @Inject
    CampaignLifecycle lifecycle;
    @Inject
    Campaigns campaigns;
    @Inject
    CampaignPreview previews;
    @Inject
    CampaignRuns runs;
    @Inject
    CampaignRollback rollbacks;
    @Inject
    ClaimWorkers claimWorkers;
    @Inject
    Caller caller;
    @Inject
    Approvals approvals;
    @Inject
    SecurityIdentity identity;

    /** The header carrying a second person's approval of publish, run and rollback ({@link Approvals}). */
    static final String APPROVAL = "Approval-Id";

    public record StartRunRequest(@Min(100) @Max(1_000_000) Integer chunkSize) {
    }

    public record ClaimRequest(@NotBlank String userId) {
    }

    /** Publishing: an optional note for the audit trail. */
    public record PublishRequest(@Size(max = 1000) String reason) {
    }

    /** Withdrawing: the reason is required; the public registry shows the date, the audit trail the reason. */
    public record WithdrawRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPENSATION_OPERATOR)
    @Operation(summary = "Define a campaign for an incident (checked with incident-service); it starts as a draft, "
            + "invisible to the public until published")
    @APIResponse(responseCode = "201", description = "The draft; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    public Response define(@NotNull @Valid DefineCampaignRequest request) {
        CampaignView view = CampaignView.of(definitions.define(request.toDefinition(), caller.name()));
        return Response.created(URI.create("/api/v1/campaigns/" + view.id())).entity(view).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPENSATION_OPERATOR)
    @Operation(summary = "Edit a draft campaign (the whole definition); a published campaign is not edited (409)")
    @APIResponse(responseCode = "200", description = "The draft as edited")
    @APIResponse(responseCode = "409", description = "campaign-not-draft, or duplicate-campaign-code",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "campaign-rule-violated or incident-not-impairing",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public CampaignView edit(@PathParam("id") UUID id, @NotNull @Valid DefineCampaignRequest request) {
        return CampaignView.of(definitions.edit(id, request.toDefinition(), caller.name()));
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPENSATION_OPERATOR)
    @Operation(summary = "Make a draft official: listed in the public registry, matched by verify, runnable. The body "
            + "(a note for the audit trail) is optional")
    @APIResponse(responseCode = "200", description = "The campaign, now published")
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "approval-required (no Approval-Id: a second person must approve "
            + "campaign.publish first, see /api/v1/approvals), approval-not-usable, approval-voided; or campaign-not-draft "
            + "(published, applied, rolled back or withdrawn)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public CampaignView publish(@PathParam("id") UUID id, @HeaderParam(APPROVAL) String approval,
                                @RequestBody(required = false) @Valid PublishRequest request) {
        approvals.use(CampaignPublishApproval.NAME, id.toString(), approval, identity, null);
        return CampaignView.of(lifecycle.publish(id, caller.name(), request == null ? null : request.reason()));
    }

    /** The same, for a request with no body at all (and so no Content-Type). */
    @POST
    @Path("{id}/publish")
    @RolesAllowed(Roles.COMPENSATION_OPERATOR)
    @Operation(hidden = true)
    public CampaignView publishWithoutNote(@PathParam("id") UUID id, @HeaderParam(APPROVAL) String approval) {
        return publish(id, approval, null);
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPENSATION_OPERATOR)
    @Operation(summary = "Take a published campaign off the public registry, with a reason; verify then answers "
            + "'withdrawn'. An applied campaign must be rolled back first (409 rollback-required)")
    @APIResponse(responseCode = "200", description = "The campaign, now withdrawn")
    @APIResponse(responseCode = "400", description = "No reason given", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "campaign-not-published (a draft), campaign-withdrawn (already), "
            + "rollback-required (running, applied or rolling back)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public CampaignView withdraw(@PathParam("id") UUID id, @NotNull @Valid WithdrawRequest request) {
        return CampaignView.of(lifecycle.withdraw(id, caller.name(), request.reason().trim()));
    }

    @GET
    @RolesAllowed({Roles.COMPENSATION_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "All campaigns, newest snapshot first")
    public List<CampaignView> list() {
        return campaigns.list(false).stream().map(CampaignView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMPENSATION_OPERATOR, Roles.AUDITOR})
    public CampaignView get(@PathParam("id") UUID id) {
        return CampaignView.of(campaigns.get(id));
    }

    @POST
    @Path("{id}/preview")
    @RolesAllowed({Roles.COMPENSATION_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Dry run: accounts per remedy group, total days and won, a sample with before and after; changes nothing")
    public PreviewReport preview(@PathParam("id") UUID id) {
        return previews.preview(id);
    }

    @POST
    @Path("{id}/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPENSATION_OPERATOR)
    @Operation(summary = "Apply the campaign in an asynchronous run; 202 + Location of its progress")
    @APIResponse(responseCode = "202", description = "The run (new, or the one this Idempotency-Key already started); Location names its progress", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunProgress.class)))
    @APIResponse(responseCode = "409", description = "approval-required (no Approval-Id), approval-not-usable, approval-voided; "
            + "campaign-not-published, run-in-progress", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public Response startRun(@PathParam("id") UUID id, @HeaderParam(IdempotencyKey.HEADER) String key,
                             @HeaderParam(APPROVAL) String approval, @Valid StartRunRequest request) {
        IdempotencyKey.require(key);
        // the same Idempotency-Key may present the same approval again (a retry after a lost answer)
        approvals.use(CampaignRunApproval.NAME, id.toString(), approval, identity, key);
        var started = runs.start(id, key, request == null ? null : request.chunkSize(), caller.name());
        String location = CampaignRuns.location(id, started.run().id());
        return Response.accepted(runs.view(id, started.run().id())).location(URI.create(location)).build();
    }

    @GET
    @Path("{id}/runs")
    @RolesAllowed({Roles.COMPENSATION_OPERATOR, Roles.AUDITOR})
    public List<RunProgress> listRuns(@PathParam("id") UUID id) {
        return runs.list(id);
    }

    @GET
    @Path("{id}/runs/{runId}")
    @RolesAllowed({Roles.COMPENSATION_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Progress of a run: state, processed / total, per-group counts, failures, timings")
    public RunProgress run(@PathParam("id") UUID id, @PathParam("runId") UUID runId) {
        return runs.view(id, runId);
    }

    @GET
    @Path("{id}/notices")
    @RolesAllowed({Roles.COMPENSATION_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "The campaign's notices: queued, sending, sent, kept (shown in the person's own view: no contact "
            + "details), uncertain (an e-mail whose sender stopped while the mail server had it), failed, cancelled; and the "
            + "first failures, recipients masked")
    public NoticeProgress notices(@PathParam("id") UUID id) {
        return notices.progress(id);
    }

    /** Rolling back: an optional reason for the audit trail. */
    public record RollbackRequest(@Size(max = 1000) String reason) {
    }

    @POST
    @Path("{id}/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPENSATION_OPERATOR)
    @Operation(summary = "Undo what the campaign applied, where still possible; report each conflict. Idempotent. "
            + "The body (a reason for the audit trail) is optional")
    @APIResponse(responseCode = "200", description = "What the rollback did and could not do",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RollbackReport.class)))
    @APIResponse(responseCode = "409", description = "approval-required (no Approval-Id), approval-not-usable, approval-voided; "
            + "campaign-not-published", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public RollbackReport rollback(@PathParam("id") UUID id, @HeaderParam(APPROVAL) String approval,
                                   @RequestBody(required = false) @Valid RollbackRequest request) {
        approvals.use(CampaignRollbackApproval.NAME, id.toString(), approval, identity, null);
        return rollbacks.rollback(id, caller.name(), request == null ? null : request.reason());
    }

    /** The same, for a request with no body at all (and so no Content-Type). */
    @POST
    @Path("{id}/rollback")
    @RolesAllowed(Roles.COMPENSATION_OPERATOR)
    @Operation(hidden = true)
    public RollbackReport rollbackWithoutReason(@PathParam("id") UUID id, @HeaderParam(APPROVAL) String approval) {
        return rollback(id, approval, null);
    }

    @GET
    @Path("{id}/rollback")
    @RolesAllowed({Roles.COMPENSATION_OPERATOR, Roles.AUDITOR})
    public RollbackReport rollbackReport(@PathParam("id") UUID id) {
        return rollbacks.report(id);
    }

    @POST
    @Path("{id}/claims")
    @Consumes(MediaType.APPLICATION_JSON)
    @io.quarkus.security.Authenticated
    @Operation(summary = "Claim a capped grant before its deadline: first come, first served, one per account")
    @APIResponse(responseCode = "201", description = "Claimed; Location names the account's entitlements", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "503", description = "Too many claims waiting; Retry-After says when to try again",
            content = @Content(mediaType = "application/problem+json"))
    public CompletionStage<Response> claim(@PathParam("id") UUID id, @NotNull @Valid ClaimRequest request) {
        // Checked here, on the I/O thread; the claim itself runs on the claim workers (see ClaimWorkers).
        caller.requireSelfOr(request.userId(), Caller.ACTORS);
        String principal = caller.name();
        // the Location is resolved against this request now: the workers' threads have no request
        Response.ResponseBuilder created = Response.created(
                jakarta.ws.rs.core.UriBuilder.fromPath("/api/v1/users/{userId}/entitlements").build(request.userId()));
        return claimWorkers.submit(id, request.userId(), principal)
                .thenApply(claim -> created.entity(ClaimView.of(claim)).build());
    }
}
