package kr.outage.compensation.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies bearer tokens as smallrye-jwt does, but remembers the ones that verified until they expire.
 *
 * <p>After an outage the same person's token arrives with request after request (a subscriber's
 * passes and cash, a business owner's claims, an operator polling run progress); parsing the token
 * and checking its RS256 signature each time cost about a sixth of payout-service's CPU at 1,000
 * claims a second, more than the one-query views it guards. A token is an immutable
 * signed string, so the same string verifies the same way until it expires, which is checked again on
 * every hit; only successful verifications are kept, so a forged, altered or expired token always
 * meets the full check. Bounded: when full, it starts over.
 * The identity itself is built per request, as smallrye-jwt's own provider builds it.
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    static final int CAPACITY = 10_000;

    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Inject
    JWTParser parser;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of smallrye-jwt's own provider, which then never sees a request. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        JsonWebToken token;
        try {
            token = verify(request.getToken().getToken());
        } catch (ParseException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException(e));
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredential(request.getToken())
                .addRoles(token.getGroups())
                .addAttribute(SecurityIdentity.USER_ATTRIBUTE, token);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
        }
        return Uni.createFrom().item(identity.build());
    }

    JsonWebToken verify(String raw) throws ParseException {
        JsonWebToken known = verified.get(raw);
        if (known != null) {
            if (stillValid(known)) {
                return known;
            }
            verified.remove(raw);
        }
        JsonWebToken fresh = parser.parse(raw);
        if (verified.size() >= CAPACITY) {
            verified.clear();
        }
        verified.put(raw, fresh);
        return fresh;
    }

    private static boolean stillValid(JsonWebToken token) {
        // exp is in whole seconds; smallrye-jwt refuses a token without one, so none is cached
        return System.currentTimeMillis() / 1000 < token.getExpirationTime();
    }
}
