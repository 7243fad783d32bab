package kr.outage.compensation.entitlement.problem;

import kr.outage.compensation.platform.problem.ProblemKind;

/**
 * The refusals of this service's own domain, with their HTTP status and stable type URI; the errors
 * of HTTP, JSON and security are the platform's {@link kr.outage.compensation.platform.problem.GeneralProblem}.
 */
public enum ProblemType implements ProblemKind {
    CAMPAIGN_RULE_VIOLATED(422, "campaign-rule-violated", "The campaign definition is inconsistent"),
    INCIDENT_NOT_IMPAIRING(422, "incident-not-impairing", "The incident does not exist or did not impair the campaign's services"),
    DUPLICATE_CAMPAIGN_CODE(409, "duplicate-campaign-code", "A campaign with this public code already exists"),
    RUN_IN_PROGRESS(409, "run-in-progress", "A run of this campaign is still in progress"),
    CAMPAIGN_ROLLED_BACK(409, "campaign-rolled-back", "The campaign was rolled back; it cannot be applied again"),
    CAMPAIGN_NOT_DRAFT(409, "campaign-not-draft", "Only a draft campaign can be edited or published"),
    CAMPAIGN_NOT_PUBLISHED(409, "campaign-not-published", "The campaign is a draft; publish it first"),
    CAMPAIGN_WITHDRAWN(409, "campaign-withdrawn", "The campaign was withdrawn from the public registry"),
    ROLLBACK_REQUIRED(409, "rollback-required", "The campaign was applied; roll it back before withdrawing it"),
    IDEMPOTENCY_KEY_REQUIRED(400, "idempotency-key-required", "Send an Idempotency-Key header with this request"),
    NOT_ELIGIBLE(422, "not-eligible", "The account is not eligible for this campaign"),
    ALREADY_CLAIMED(409, "already-claimed", "This account already claimed this grant"),
    CLAIM_CAP_REACHED(409, "claim-cap-reached", "Every capped grant has been claimed"),
    CLAIM_DEADLINE_PASSED(409, "claim-deadline-passed", "The claim deadline has passed"),
    NOTHING_TO_CLAIM(422, "nothing-to-claim", "This campaign has no claim-based grant"),
    INSUFFICIENT_BALANCE(409, "insufficient-balance", "The cash balance is lower than the debit"),
    UNREADABLE_IMPORT(400, "unreadable-import", "The upload is not a readable file of the expected format; nothing was imported"),
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
