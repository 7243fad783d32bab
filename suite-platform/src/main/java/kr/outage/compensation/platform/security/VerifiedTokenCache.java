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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies bearer tokens as smallrye-jwt does (signature, issuer, audience, lifetime, age), refuses
 * one issued in the future, and remembers the ones that verified for a short while.
 *
 * <p>After an outage the same person's token arrives with request after request (a subscriber's
 * passes and cash, a business owner's claims, an operator polling run progress); parsing the token
 * and checking its RS256 signature each time cost about a sixth of payout-service's CPU at 1,000
 * claims a second, more than the one-query views it guards. A token is an immutable signed string,
 * so the same string verifies the same way until it expires or grows too old, which is checked again
 * on every hit; only successful verifications are kept, so a forged, altered or expired token always
 * meets the full check. A verification is remembered for {@code suite.security.verified-token-ttl}
 * at most, and all are forgotten when the verification key changes ({@link VerificationKey}): after a
 * key rotation no token signed with the old key outlives the next check. Bounded: when full, it starts over.
 * The identity itself is built per request, as smallrye-jwt's own provider builds it.
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    static final int CAPACITY = 10_000;

    private record Verified(JsonWebToken token, long verifiedAtMillis, long keyGeneration) {
    }

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    JWTParser parser;
    @Inject
    VerificationKey key;

    @ConfigProperty(name = "suite.security.verified-token-ttl", defaultValue = "PT60S")
    java.time.Duration ttl;
    @ConfigProperty(name = "mp.jwt.verify.token.age")
    Optional<Long> maxAgeSeconds;
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    long clockSkewSeconds;

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
        // the real time, not the services' movable business clock: tokens live in the present
        long now = System.currentTimeMillis();
        long generation = key.generation();
        Verified known = verified.get(raw);
        if (known != null) {
            if (known.keyGeneration() == generation && now - known.verifiedAtMillis() < ttl.toMillis() && stillValid(known.token(), now)) {
                return known.token();
            }
            verified.remove(raw);
        }
        JsonWebToken fresh = key.current().isPresent() ? parser.verify(raw, key.current().get()) : parser.parse(raw);
        if (fresh.getIssuedAtTime() * 1000 > now + clockSkewSeconds * 1000) {
            throw new ParseException("The token's iat is in the future");
        }
        if (verified.size() >= CAPACITY) {
            verified.clear();
        }
        verified.put(raw, new Verified(fresh, now, generation));
        return fresh;
    }

    /** exp and the maximum age since iat, again on every hit (whole seconds, as in the token). */
    private boolean stillValid(JsonWebToken token, long nowMillis) {
        long now = nowMillis / 1000;
        return now < token.getExpirationTime()
                && maxAgeSeconds.map(age -> now <= token.getIssuedAtTime() + age).orElse(true);
    }
}
