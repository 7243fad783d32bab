package kr.outage.compensation.entitlement.problem;

import kr.outage.compensation.platform.problem.ProblemKind;

/**
 * The refusals of this service's own domain, with their HTTP status and stable type URI; the errors
 * of HTTP, JSON and security are the platform's {@link kr.outage.compensation.platform.problem.GeneralProblem}.
 */
public final class ProblemType {

    public static final ProblemKind CAMPAIGN_RULE_VIOLATED = new ProblemKind(422, "campaign-rule-violated",
            "The campaign definition is inconsistent");
    public static final ProblemKind INCIDENT_NOT_IMPAIRING = new ProblemKind(422, "incident-not-impairing",
            "The incident does not exist or did not impair the campaign's services");
    public static final ProblemKind DUPLICATE_CAMPAIGN_CODE = new ProblemKind(409, "duplicate-campaign-code",
            "A campaign with this public code already exists");
    public static final ProblemKind RUN_IN_PROGRESS = new ProblemKind(409, "run-in-progress",
            "A run of this campaign is still in progress");
    public static final ProblemKind CAMPAIGN_ROLLED_BACK = new ProblemKind(409, "campaign-rolled-back",
            "The campaign was rolled back; it cannot be applied again");
    public static final ProblemKind CAMPAIGN_NOT_DRAFT = new ProblemKind(409, "campaign-not-draft",
            "Only a draft campaign can be edited or published");
    public static final ProblemKind CAMPAIGN_NOT_PUBLISHED = new ProblemKind(409, "campaign-not-published",
            "The campaign is a draft; publish it first");
    public static final ProblemKind CAMPAIGN_WITHDRAWN = new ProblemKind(409, "campaign-withdrawn",
            "The campaign was withdrawn from the public registry");
    public static final ProblemKind ROLLBACK_REQUIRED = new ProblemKind(409, "rollback-required",
            "The campaign was applied; roll it back before withdrawing it");
    public static final ProblemKind IDEMPOTENCY_KEY_REQUIRED = new ProblemKind(400, "idempotency-key-required",
            "Send an Idempotency-Key header with this request");
    public static final ProblemKind NOT_ELIGIBLE = new ProblemKind(422, "not-eligible",
            "The account is not eligible for this campaign");
    public static final ProblemKind ALREADY_CLAIMED = new ProblemKind(409, "already-claimed",
            "This account already claimed this grant");
    public static final ProblemKind CLAIM_CAP_REACHED = new ProblemKind(409, "claim-cap-reached",
            "Every capped grant has been claimed");
    public static final ProblemKind CLAIM_DEADLINE_PASSED = new ProblemKind(409, "claim-deadline-passed",
            "The claim deadline has passed");
    public static final ProblemKind NOTHING_TO_CLAIM = new ProblemKind(422, "nothing-to-claim",
            "This campaign has no claim-based grant");
    public static final ProblemKind INSUFFICIENT_BALANCE = new ProblemKind(409, "insufficient-balance",
            "The cash balance is lower than the debit");
    public static final ProblemKind UNREADABLE_IMPORT = new ProblemKind(400, "unreadable-import",
            "The upload is not a readable file of the expected format; nothing was imported");
    public static final ProblemKind NOTIFICATION_NOT_VERIFIED = new ProblemKind(400, "notification-not-verified",
            "The body is not an App Store Server Notification signed by Apple for this app; nothing was changed");
    public static final ProblemKind VERIFICATION_UNAVAILABLE = new ProblemKind(503, "verification-unavailable",
            "The notice's code cannot be looked up now; try again later");
    public static final ProblemKind INCIDENT_SERVICE_UNAVAILABLE = new ProblemKind(503, "incident-service-unavailable",
            "incident-service cannot confirm the incident now; try again later");

    public static final ProblemKind CONTACTS_NOT_CONFIGURED = new ProblemKind(409, "contacts-not-configured",
            "This deployment keeps no contact details: no key directory for them is configured (CONTACT_KEYS_DIR)");

    private ProblemType() {
    }
}
