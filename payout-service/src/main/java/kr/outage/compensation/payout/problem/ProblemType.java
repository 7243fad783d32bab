package kr.outage.compensation.payout.problem;

/** Every kind of error this service reports, with its HTTP status and stable type URI. */
public enum ProblemType {
    VALIDATION_FAILED(400, "validation-failed", "The request has invalid fields"),
    MALFORMED_BODY(400, "malformed-body", "The request body is not valid JSON of the expected shape"),
    INVALID_PARAMETER(400, "invalid-parameter", "A query or path parameter is invalid"),
    UNAUTHENTICATED(401, "unauthenticated", "A valid bearer token is required"),
    FORBIDDEN(403, "forbidden", "The caller lacks the role this operation requires"),
    NOT_FOUND(404, "not-found", "No such resource"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed on this resource"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
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
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "This Idempotency-Key was used for a different request"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Send application/json"),
    INCIDENT_SERVICE_UNAVAILABLE(503, "incident-service-unavailable", "incident-service cannot confirm the incident now; try again later"),
    INTERNAL(500, "internal-error", "Unexpected error");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return Problem.TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }
}
