package kr.outage.compensation.entitlement.page;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import kr.outage.compensation.platform.page.ConsoleRefusal;
import kr.outage.compensation.platform.page.ConsoleSignIn;

import java.util.Arrays;
import java.util.Optional;

/**
 * The console's door: a person without a (valid) session goes to the login page and comes back
 * afterwards; a person without the role gets the 403 page (who is signed in, the role needed, and
 * signing in as someone else), not the data.
 */
@RequestScoped
public class ConsoleAccess {

    @Inject
    SecurityIdentity identity;
    @Inject
    ConsoleRefusal refusal;
    @Inject
    ConsoleSignIn signIn;

    /** Empty when the caller may go on; otherwise the response to send instead. */
    public Optional<Response> refuse(String path, String... roles) {
        boolean anonymous;
        try {
            anonymous = identity.isAnonymous();
        } catch (AuthenticationFailedException expiredOrForged) {
            anonymous = true;
        }
        if (anonymous) {
            return Optional.of(Response.seeOther(signIn.signInFor(path)).build());
        }
        if (Arrays.stream(roles).noneMatch(identity::hasRole)) {
            return Optional.of(refusal.response(PageMessages.class, PageMessages::console, identity.getPrincipal().getName(),
                    path, roles));
        }
        return Optional.empty();
    }

    public String name() {
        return identity.getPrincipal().getName();
    }
}
