package kr.outage.compensation.platform.testing;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/** Bearer tokens signed with the development key, as the suite's identity provider would issue them. */
public final class Tokens {

    private Tokens() {
    }

    public static String withRoles(String subject, String... roles) {
        return Jwt.upn(subject).groups(Set.of(roles)).expiresIn(3600).sign();
    }

    public static String commander() {
        return withRoles("commander@example.com", "incident-commander");
    }

    public static String operator() {
        return withRoles("operator@example.com", "compensation-operator");
    }

    /** The second person for what an operator asks: publish, run and roll back campaigns. */
    public static String compensationApprover() {
        return withRoles("approver-lee@example.com", "compensation-approver");
    }

    public static String reviewer() {
        return withRoles("reviewer@example.com", "claims-reviewer");
    }

    public static String auditor() {
        return withRoles("auditor@example.com", "auditor");
    }

    /** A subscriber signed in to the app: authenticated as their own user id, no staff role. */
    public static String subscriber(String userId) {
        return withRoles(userId);
    }

    /**
     * A business owner signed in to the claims portal with no business verified for them: they may read
     * their own claims, and file none.
     */
    public static String businessOwner(String subject) {
        return withRoles(subject, "business-owner");
    }

    /**
     * A business owner signed in with a business certificate, as the identity provider issues it: their
     * verified name and the registration numbers (digits, dashes allowed) they may act for.
     */
    public static String businessOwner(String subject, String name, String... businessNumbers) {
        return Jwt.upn(subject).groups(Set.of("business-owner")).claim("name", name)
                .claim("business_numbers", java.util.List.of(businessNumbers)).expiresIn(3600).sign();
    }
}
