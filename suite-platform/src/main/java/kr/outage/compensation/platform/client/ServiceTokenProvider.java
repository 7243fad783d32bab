package kr.outage.compensation.platform.client;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kr.outage.compensation.platform.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The bearer token this service presents to the other services of the suite, with the role
 * {@code service}.
 *
 * <p>In a deployment the token is issued by the identity provider and mounted as a file (a
 * Kubernetes Secret that the platform rotates); it is re-read whenever the file changes. In dev mode
 * and tests there is no identity provider, so the token is minted from the development key.
 */
@ApplicationScoped
public class ServiceTokenProvider {

    private static final Duration DEV_TOKEN_LIFETIME = Duration.ofMinutes(10);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    @ConfigProperty(name = "suite.service-token.required", defaultValue = "false")
    boolean required;
    @ConfigProperty(name = "suite.service-token.file")
    Optional<Path> tokenFile;
    @ConfigProperty(name = "suite.service-token.dev-signing-key")
    Optional<String> devSigningKey;
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;
    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;
    /** The services this one calls: a minted token is for them only (aud). */
    @ConfigProperty(name = "suite.service-token.audience", defaultValue = "incident-service")
    java.util.Set<String> audience;

    private String token;
    private FileTime tokenFileTime;
    private Instant expiresAt = Instant.EPOCH;

    /**
     * A service that calls another one says so ({@code suite.service-token.required=true}), and then a
     * deployment without its token fails at start-up rather than at the first call.
     */
    void requireASource(@Observes StartupEvent event) {
        if (required && tokenFile.isEmpty() && devSigningKey.isEmpty()) {
            throw new IllegalStateException("No service token: set SERVICE_TOKEN_FILE to the mounted token of "
                    + serviceName + " (or, in dev mode only, suite.service-token.dev-signing-key)");
        }
    }

    public synchronized String currentToken() {
        return tokenFile.isPresent() ? fromFile(tokenFile.get()) : minted();
    }

    private String fromFile(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (token == null || !modified.equals(tokenFileTime)) {
                token = Files.readString(file).strip();
                tokenFileTime = modified;
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the service token from " + file, e);
        }
    }

    private String minted() {
        Instant now = Instant.now();
        if (token == null || now.isAfter(expiresAt.minus(RENEW_BEFORE_EXPIRY))) {
            expiresAt = now.plus(DEV_TOKEN_LIFETIME);
            token = Jwt.issuer(issuer).upn(serviceName).subject(serviceName).groups(Roles.SERVICE).audience(audience)
                    .issuedAt(now).expiresAt(expiresAt).sign(devSigningKey.orElseThrow());
        }
        return token;
    }
}
