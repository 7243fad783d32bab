package kr.outage.compensation.incident.support;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/** Bearer tokens signed with the development key, exactly as an identity provider would issue them. */
public final class Tokens {

    private Tokens() {
    }

    public static String withRoles(String subject, String... roles) {
        return Jwt.upn(subject).groups(Set.of(roles)).expiresIn(3600).sign();
    }

    public static String commander() {
        return withRoles("commander@example.com", "incident-commander");
    }

    public static String auditor() {
        return withRoles("auditor@example.com", "auditor");
    }
}
