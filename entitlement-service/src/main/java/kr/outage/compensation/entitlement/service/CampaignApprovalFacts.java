package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.platform.problem.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a campaign's approver is shown, and what "changed since" means for a campaign: the facts the
 * three approvable campaign actions (publish, run, rollback) share.
 */
@ApplicationScoped
public class CampaignApprovalFacts {

    @Inject
    Jdbc jdbc;
    @Inject
    CampaignStore store;
    @Inject
    Campaigns campaigns;
    @Inject
    CampaignPreview previews;

    public UUID id(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No campaign " + subject);
        }
    }

    public Campaign campaign(String subject) {
        return campaigns.get(id(subject));
    }

    public String fingerprint(String subject) {
        UUID id = id(subject);
        return jdbc.read(c -> store.fingerprint(c, id)).orElseThrow(() -> ProblemException.notFound("No campaign " + id));
    }

    /** The campaign and what applying it would give now (the preview's totals and store requests). */
    public Map<String, Object> whatApplyingGives(Campaign campaign) {
        PreviewReport preview = previews.preview(campaign.id());
        Map<String, Object> summary = identity(campaign);
        summary.put("eligible", preview.totals().eligible());
        summary.put("toApply", preview.totals().toApply());
        summary.put("alreadyApplied", preview.totals().alreadyApplied());
        summary.put("passDays", preview.totals().days());
        summary.put("cashKrw", preview.totals().cashKrw());
        summary.put("couponKrw", preview.totals().couponKrw());
        summary.put("items", preview.totals().items());
        summary.put("storeRequests", preview.groups().stream().map(PreviewReport.GroupPreview::stores).filter(Objects::nonNull)
                .mapToLong(s -> s.apple() + s.google()).sum());
        return summary;
    }

    /** The campaign and what its runs gave so far: what a rollback would take back where it still can. */
    public Map<String, Object> whatRollingBackTakes(Campaign campaign) {
        long[] granted = jdbc.read(c -> store.grantedTotals(c, campaign.id()));
        Map<String, Object> summary = identity(campaign);
        summary.put("subjectsGranted", granted[0]);
        summary.put("cashKrwGranted", granted[1]);
        return summary;
    }

    private static Map<String, Object> identity(Campaign campaign) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("campaignId", campaign.id().toString());
        summary.put("code", campaign.code());
        summary.put("title", campaign.title());
        summary.put("state", campaign.state().name().toLowerCase(java.util.Locale.ROOT));
        return summary;
    }
}
