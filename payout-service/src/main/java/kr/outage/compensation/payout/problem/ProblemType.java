package kr.outage.compensation.payout.problem;

import kr.outage.compensation.platform.problem.ProblemKind;

/**
 * The refusals of this service's own domain, with their HTTP status and stable type URI; the errors
 * of HTTP, JSON and security are the platform's {@link kr.outage.compensation.platform.problem.GeneralProblem}.
 */
public final class ProblemType {

    public static final ProblemKind FOUR_EYES_REQUIRED = new ProblemKind(403, "four-eyes-required",
            "The approver must be someone other than the recommender");
    public static final ProblemKind ILLEGAL_TRANSITION = new ProblemKind(409, "illegal-transition",
            "The claim's state does not allow this decision");
    public static final ProblemKind NOTHING_TO_PAY = new ProblemKind(422, "nothing-to-pay",
            "No approved, unpaid claims");
    public static final ProblemKind BUDGET_EXHAUSTED = new ProblemKind(409, "budget-exhausted",
            "The approval does not fit in what is left of the program's budget");
    public static final ProblemKind ACCOUNT_UNCHANGED = new ProblemKind(422, "account-unchanged",
            "The bank account given is the one that failed; give the corrected one");
    public static final ProblemKind PAYMENT_IN_PROGRESS = new ProblemKind(409, "payment-in-progress",
            "The claim's transfer is with the bank; correct its account after the bank has answered");
    public static final ProblemKind TRANSFER_NOT_PAID = new ProblemKind(409, "transfer-not-paid",
            "Only a transfer the bank paid can be returned");
    public static final ProblemKind OBJECTION_NOT_ALLOWED = new ProblemKind(409, "objection-not-allowed",
            "The claim has no decision to object to yet");
    public static final ProblemKind OBJECTION_ALREADY_FILED = new ProblemKind(409, "objection-already-filed",
            "An objection to this claim's decision was already filed; a claim takes one");
    public static final ProblemKind OBJECTION_PERIOD_OVER = new ProblemKind(422, "objection-period-over",
            "The program's period for objecting to this decision is over");
    public static final ProblemKind DUPLICATE_CLAIM = new ProblemKind(409, "duplicate-claim",
            "This business already claimed for this program and service");
    public static final ProblemKind PROGRAM_RULE_VIOLATED = new ProblemKind(422, "program-rule-violated",
            "The program definition is inconsistent");
    public static final ProblemKind INTAKE_CLOSED = new ProblemKind(422, "intake-closed",
            "Claims are not accepted at this time");
    public static final ProblemKind SERVICE_NOT_COVERED = new ProblemKind(422, "service-not-covered",
            "The program does not cover this service, or the incident did not impair it");
    public static final ProblemKind BUSINESS_NOT_YOURS = new ProblemKind(403, "business-not-yours",
            "Your sign-in does not prove that you may act for this business");
    public static final ProblemKind ACCOUNT_NOT_FOUND = new ProblemKind(422, "account-not-found",
            "The bank knows no such open account");
    public static final ProblemKind ACCOUNT_HOLDER_MISMATCH = new ProblemKind(422, "account-holder-mismatch",
            "The bank account is not held by the business or its representative");
    public static final ProblemKind BANK_INQUIRY_UNAVAILABLE = new ProblemKind(503, "bank-inquiry-unavailable",
            "The bank cannot confirm the account's holder now; try again later");
    public static final ProblemKind INCIDENT_SERVICE_UNAVAILABLE = new ProblemKind(503, "incident-service-unavailable",
            "incident-service cannot confirm the incident now; try again later");

    private ProblemType() {
    }
}
