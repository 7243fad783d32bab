package kr.outage.compensation.payout.page;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import kr.outage.compensation.platform.page.ConsoleRefusal;
import kr.outage.compensation.platform.page.ConsoleSignIn;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The console's door: a person without a (valid) session goes to the login page and comes back
 * afterwards; a person without the role gets the 403 page (who is signed in, the role needed, and
 * signing in as someone else), not the data. Reactive, because authentication
 * is lazy here and must not block the event loop.
 */
@ApplicationScoped
public class ConsoleAccess {

    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    ConsoleRefusal refusal;
    @Inject
    ConsoleSignIn signIn;

    public Uni<Response> allow(String path, String[] roles, Function<SecurityIdentity, Uni<Response>> page) {
        return identities.getDeferredIdentity()
                .onFailure().recoverWithItem((SecurityIdentity) null)
                .chain(identity -> {
                    if (identity == null || identity.isAnonymous()) {
                        return Uni.createFrom().item(Response.seeOther(signIn.signInFor(path)).build());
                    }
                    if (Arrays.stream(roles).noneMatch(identity::hasRole)) {
                        return Uni.createFrom().item(refusal.response(PageMessages.class, PageMessages::console,
                                identity.getPrincipal().getName(), path, roles));
                    }
                    return page.apply(identity);
                });
    }
}
