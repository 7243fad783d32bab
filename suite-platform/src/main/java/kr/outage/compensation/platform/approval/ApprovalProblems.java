package kr.outage.compensation.platform.approval;

import kr.outage.compensation.platform.problem.ProblemKind;

/** The refusals of the two-person rule, the same in every service. */
public final class ApprovalProblems {

    public static final ProblemKind APPROVAL_REQUIRED = new ProblemKind(409, "approval-required",
            "This action needs a second person's approval: request one, have it approved, then send it with Approval-Id");
    public static final ProblemKind APPROVAL_NOT_USABLE = new ProblemKind(409, "approval-not-usable",
            "The approval given is not an approved, unexpired, unused approval of this action, subject and requester");
    public static final ProblemKind APPROVAL_NOT_PENDING = new ProblemKind(409, "approval-not-pending",
            "The approval request was already decided, has expired or was voided");
    public static final ProblemKind APPROVAL_VOIDED = new ProblemKind(409, "approval-voided",
            "What the approval request was about has changed since it was asked for; it is void");
    public static final ProblemKind OWN_REQUEST = new ProblemKind(403, "approval-own-request",
            "Nobody approves or rejects their own request, whatever roles they hold");
    public static final ProblemKind UNKNOWN_ACTION = new ProblemKind(400, "approval-unknown-action",
            "This service has no action of that name that needs approval");

    private ApprovalProblems() {
    }
}
