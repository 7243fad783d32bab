package kr.outage.compensation.platform.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The keys in the repository's {@code dev-keys/} are public by being there, so a service that would
 * trust them refuses to start, unless the deployment says it is a development one
 * ({@code suite.security.allow-development-keys}: dev mode, tests, and the {@code dev-keys} profile
 * that the local demo and the dev overlay run with, e.g. {@code QUARKUS_PROFILE=prod,dev-keys}).
 * Known by their SHA-256, so that no copy of a key needs to be in the code.
 */
@ApplicationScoped
public class DevelopmentKeys {

    /** SHA-256 of the encoded form of dev-keys/dev-jwt-public.pem. */
    static final String TOKEN_VERIFICATION_KEY = "d22835d6adfc896436096c7d457a8accfe8ec8d415f04a0c87d8e64fdb7f1dad";
    /** SHA-256 of the bytes of dev-keys/account-keys/*.key and dev-keys/contact-keys/*.key. */
    static final Set<String> PERSONAL_DATA_KEYS = Set.of(
            "d8d5d4451ed1cd71bda717466b4424533e59d2c16c57f80ab4b6ebee115d6151",
            "038b5aca715a2ea58a4137ef55d8462857244cf3a8a63299cec9b0ab0e1958c0",
            "25f04d48bd8e75f19987568c9578f42926ab74714b98064e63ca571a59e8145f",
            "3a10356fb64e75a7fe97c7346a27f817cdcf4c397bf943ac83156c00f9db557b");

    @ConfigProperty(name = "suite.security.allow-development-keys", defaultValue = "false")
    boolean allowed;

    @Inject
    VerificationKey verificationKey;

    void atStart(@Observes StartupEvent event) {
        verificationKey.current().ifPresent(key -> refuseIfDevelopment(key.getEncoded(), TOKEN_VERIFICATION_KEY,
                "the token verification key (JWT_PUBLIC_KEY_LOCATION) is the development key of dev-keys/"));
    }

    /**
     * Refuses a key for personal data at rest (bank accounts, contact details) that is one of the
     * development keys, unless they are allowed here.
     */
    public void refuseIfDevelopmentKey(byte[] key, String where) {
        if (!allowed && PERSONAL_DATA_KEYS.contains(sha256(key))) {
            throw new IllegalStateException("Refusing to start: the key " + where + " is a development key of "
                    + "dev-keys/, public in the repository (set suite.security.allow-development-keys only "
                    + "for a development deployment)");
        }
    }

    private void refuseIfDevelopment(byte[] key, String knownHash, String what) {
        if (!allowed && knownHash.equals(sha256(key))) {
            throw new IllegalStateException("Refusing to start: " + what + ", public in the repository; mount the real "
                    + "key (or, for a development deployment only, run with the dev-keys profile)");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
