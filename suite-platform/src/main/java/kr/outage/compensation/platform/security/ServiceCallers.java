package kr.outage.compensation.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code service} role counts only for the services this one lists as its callers
 * ({@code suite.security.service-callers}, e.g. incident-service lists entitlement-service and
 * payout-service). Any other token carrying the role (another service of the suite, an application
 * outside it) is treated as signed in without it: one service's token opens no other service's
 * operations.
 */
@ApplicationScoped
public class ServiceCallers implements SecurityIdentityAugmentor {

    @ConfigProperty(name = "suite.security.service-callers")
    Optional<List<String>> callers;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.SERVICE) || allowed().contains(identity.getPrincipal().getName())) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder without = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .setAnonymous(false);
        identity.getRoles().stream().filter(role -> !role.equals(Roles.SERVICE)).forEach(without::addRole);
        return Uni.createFrom().item(without.build());
    }

    private Set<String> allowed() {
        return callers.map(Set::copyOf).orElse(Set.of());
    }
}
