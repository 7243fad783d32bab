package kr.outage.compensation.entitlement.rest;

import jakarta.ws.rs.Path;
import kr.outage.compensation.platform.approval.ApprovalsResource;

/**
 * This service's approvals: campaign.publish, campaign.run and campaign.rollback, asked for by a
 * compensation-operator and approved by a different compensation-approver.
 */
@Path("/api/v1/approvals")
public class ApprovalResource extends ApprovalsResource {
}
