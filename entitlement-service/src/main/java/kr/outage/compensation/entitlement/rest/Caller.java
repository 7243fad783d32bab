package kr.outage.compensation.entitlement.rest;

import kr.outage.compensation.platform.problem.GeneralProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.platform.security.Roles;

/**
 * Who is calling. A person reads and acts on their own account (the token's subject is their user
 * id); staff with the listed roles may act on anyone's.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.getPrincipal().getName();
    }

    public void requireSelfOr(String userId, String... staffRoles) {
        if (identity.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        if (name().equals(userId)) {
            return;
        }
        for (String role : staffRoles) {
            if (identity.hasRole(role)) {
                return;
            }
        }
        throw new ProblemException(GeneralProblem.FORBIDDEN, "Only " + userId + " or staff with the role "
                + String.join(" or ", staffRoles) + " may do this");
    }

    public static final String[] READERS = {Roles.COMPENSATION_OPERATOR, Roles.AUDITOR, Roles.SERVICE};
    public static final String[] ACTORS = {Roles.COMPENSATION_OPERATOR};
}
