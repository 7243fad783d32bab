package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import kr.outage.compensation.entitlement.domain.Campaign;

/** Rolling back takes back what millions were given: the approver sees what the runs gave. */
@ApplicationScoped
public class CampaignRollbackApproval extends CampaignApproval {

    public static final String NAME = "campaign.rollback";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Frozen freeze(String subject) {
        String before = facts.fingerprint(subject);
        Campaign campaign = facts.campaign(subject);
        return new Frozen(facts.whatRollingBackTakes(campaign), before);
    }
}
