package kr.outage.compensation.payout.support;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/** Bearer tokens signed with the development key, as the identity provider would issue them. */
public final class Tokens {

    private Tokens() {
    }

    public static String withRoles(String subject, String... roles) {
        return Jwt.upn(subject).groups(Set.of(roles)).expiresIn(3600).sign();
    }

    public static String operator() {
        return withRoles("operator@example.com", "compensation-operator");
    }

    public static String reviewer() {
        return withRoles("reviewer@example.com", "claims-reviewer");
    }

    /** A business owner signed in to the claims portal: authenticated, no staff role. */
    public static String businessOwner(String subject) {
        return withRoles(subject);
    }
}
