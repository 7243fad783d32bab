package kr.outage.compensation.payout.problem;

import kr.outage.compensation.platform.problem.ProblemKind;

/**
 * The refusals of this service's own domain, with their HTTP status and stable type URI; the errors
 * of HTTP, JSON and security are the platform's {@link kr.outage.compensation.platform.problem.GeneralProblem}.
 */
public enum ProblemType implements ProblemKind {
    FOUR_EYES_REQUIRED(403, "four-eyes-required", "The approver must be someone other than the recommender"),
    ILLEGAL_TRANSITION(409, "illegal-transition", "The claim's state does not allow this decision"),
    NOTHING_TO_PAY(422, "nothing-to-pay", "No approved, unpaid claims"),
    BUDGET_EXHAUSTED(409, "budget-exhausted", "The approval does not fit in what is left of the program's budget"),
    ACCOUNT_UNCHANGED(422, "account-unchanged", "The bank account given is the one that failed; give the corrected one"),
    PAYMENT_IN_PROGRESS(409, "payment-in-progress", "The claim's transfer is with the bank; correct its account after the bank has answered"),
    DUPLICATE_CLAIM(409, "duplicate-claim", "This business already claimed for this program and service"),
    PROGRAM_RULE_VIOLATED(422, "program-rule-violated", "The program definition is inconsistent"),
    INTAKE_CLOSED(422, "intake-closed", "Claims are not accepted at this time"),
    SERVICE_NOT_COVERED(422, "service-not-covered", "The program does not cover this service, or the incident did not impair it"),
    INCIDENT_SERVICE_UNAVAILABLE(503, "incident-service-unavailable", "incident-service cannot confirm the incident now; try again later");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String title() {
        return title;
    }
}
