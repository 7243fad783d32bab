package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import kr.outage.compensation.entitlement.domain.Campaign;

/** Publishing a campaign makes it official and runnable for millions: an operator asks, an approver agrees. */
@ApplicationScoped
public class CampaignPublishApproval extends CampaignApproval {

    public static final String NAME = "campaign.publish";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Frozen freeze(String subject) {
        String before = facts.fingerprint(subject);
        Campaign campaign = facts.campaign(subject);
        CampaignDefinitions.requireDraft(campaign);
        return new Frozen(facts.whatApplyingGives(campaign), before);
    }
}
