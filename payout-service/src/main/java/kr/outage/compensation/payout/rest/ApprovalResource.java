package kr.outage.compensation.payout.rest;

import jakarta.ws.rs.Path;
import kr.outage.compensation.platform.approval.ApprovalsResource;

/**
 * This service's approvals: payout.batch.release (the bank-transfer file), payout.batch.settle (the
 * bank's results) and payout.account-key.rotate, each asked for by one payout-approver and approved
 * by another.
 */
@Path("/api/v1/approvals")
public class ApprovalResource extends ApprovalsResource {
}
