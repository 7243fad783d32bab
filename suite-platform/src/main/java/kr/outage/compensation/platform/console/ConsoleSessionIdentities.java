package kr.outage.compensation.platform.console;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who a console session belongs to: the subject and roles its token carried at sign-in. A session
 * that is unknown, revoked or timed out fails, and the console treats its reader as signed out.
 */
@ApplicationScoped
public class ConsoleSessionIdentities implements IdentityProvider<ConsoleSessionRequest> {

    @Inject
    ConsoleSessions sessions;

    @Override
    public Class<ConsoleSessionRequest> getRequestType() {
        return ConsoleSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ConsoleSessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.resume(request.sessionId())
                .map(signedIn -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(signedIn.subject()))
                        .addRoles(signedIn.roles())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("console session over")));
    }
}
