package kr.outage.compensation.platform.security;

import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The public key that verifies bearer tokens, when it is a file (a Kubernetes Secret mounted as
 * {@code JWT_PUBLIC_KEY_LOCATION}): re-read within a second of the file changing, so that a key
 * rotation done by replacing the Secret takes effect without a restart, and counted in generations so
 * that {@link VerifiedTokenCache} forgets every token verified with an earlier key. A location that
 * is not a readable file (a classpath resource, a JWKS URL) is left to smallrye-jwt, which refreshes
 * JWKS itself; then there is no generation to follow and {@link #current()} is empty.
 */
@ApplicationScoped
public class VerificationKey {

    private static final Logger LOG = Logger.getLogger(VerificationKey.class);
    private static final long CHECK_EVERY_MILLIS = 1000;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> location;

    private volatile PublicKey key;
    private volatile long generation;
    private FileTime readAt;
    private volatile long checkedAtMillis;

    /** The key as the file now holds it, or empty when the location is not a file. */
    public Optional<PublicKey> current() {
        refreshIfDue();
        return Optional.ofNullable(key);
    }

    /** Changes whenever the key does. */
    public long generation() {
        refreshIfDue();
        return generation;
    }

    /** Every request asks; at most one a second looks at the file, the rest return at once without a lock. */
    private void refreshIfDue() {
        if (System.currentTimeMillis() - checkedAtMillis >= CHECK_EVERY_MILLIS) {
            refresh();
        }
    }

    private synchronized void refresh() {
        long now = System.currentTimeMillis();
        if (now - checkedAtMillis < CHECK_EVERY_MILLIS) {
            return;
        }
        checkedAtMillis = now;
        Optional<Path> file = location.filter(l -> !l.contains("://") || l.startsWith("file:"))
                .map(l -> Path.of(l.startsWith("file:") ? l.substring("file:".length()) : l))
                .filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file.get());
            if (modified.equals(readAt)) {
                return;
            }
            PublicKey read = KeyUtils.decodePublicKey(Files.readString(file.get()));
            if (key != null && !read.equals(key)) {
                LOG.infof("The token verification key in %s changed: tokens verified with the earlier key are forgotten", file.get());
            }
            if (key == null || !read.equals(key)) {
                generation++;
            }
            key = read;
            readAt = modified;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // a half-written file during a rotation: keep the key we have and look again shortly
            LOG.warnf("Cannot read the token verification key from %s (%s); keeping the current one", file.get(), e.getMessage());
        }
    }
}
