package kr.outage.compensation.platform.security;

/** The suite's roles, carried in the JWT {@code groups} claim. */
public final class Roles {

    public static final String INCIDENT_COMMANDER = "incident-commander";
    public static final String COMPENSATION_OPERATOR = "compensation-operator";
    /** Approves (second person) what a compensation-operator asked for: publishing, running and rolling back campaigns. */
    public static final String COMPENSATION_APPROVER = "compensation-approver";
    public static final String CLAIMS_REVIEWER = "claims-reviewer";
    public static final String PAYOUT_APPROVER = "payout-approver";
    public static final String AUDITOR = "auditor";
    /**
     * A business's owner or representative, signed in with a business certificate login: the token's
     * {@code business_numbers} claim lists the registration numbers the identity provider verified for them.
     */
    public static final String BUSINESS_OWNER = "business-owner";
    /** Another service of the suite calling this one. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
