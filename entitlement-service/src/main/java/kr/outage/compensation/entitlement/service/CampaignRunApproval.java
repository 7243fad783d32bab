package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import kr.outage.compensation.entitlement.domain.Campaign;

/** Starting a run credits every eligible account: the approver sees the preview's totals as they were asked for. */
@ApplicationScoped
public class CampaignRunApproval extends CampaignApproval {

    public static final String NAME = "campaign.run";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Frozen freeze(String subject) {
        String before = facts.fingerprint(subject);
        Campaign campaign = facts.campaign(subject);
        CampaignLifecycle.requirePublished(campaign, "applying it");
        return new Frozen(facts.whatApplyingGives(campaign), before);
    }
}
