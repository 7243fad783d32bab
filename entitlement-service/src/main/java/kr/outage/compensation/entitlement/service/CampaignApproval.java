package kr.outage.compensation.entitlement.service;

import jakarta.inject.Inject;
import kr.outage.compensation.platform.approval.ApprovableAction;
import kr.outage.compensation.platform.security.Roles;

/**
 * What the campaign actions that need a second person share: a compensation-operator asks, a
 * compensation-approver decides, and any change to the campaign or its runs voids the request.
 */
public abstract class CampaignApproval implements ApprovableAction {

    @Inject
    CampaignApprovalFacts facts;

    @Override
    public String makerRole() {
        return Roles.COMPENSATION_OPERATOR;
    }

    @Override
    public String checkerRole() {
        return Roles.COMPENSATION_APPROVER;
    }

    @Override
    public String fingerprint(String subject) {
        return facts.fingerprint(subject);
    }
}
