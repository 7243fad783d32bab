package kr.outage.compensation.payout.security;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.platform.security.DevelopmentKeys;
import kr.outage.compensation.platform.security.KeyRing;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Bank account numbers and holders at rest, in a {@link KeyRing} over {@code payout.accounts.keys-dir}
 * (the Secret {@code payout-account-keys}). The claim's id is the associated data: a ciphertext copied
 * onto another claim does not decrypt; {@link kr.outage.compensation.payout.service.AccountKeyRotation}
 * re-encrypts old rows under the current key. The hash is of the account's digits, to compare accounts
 * without decrypting.
 */
@ApplicationScoped
@Startup
public class AccountVault {

    @ConfigProperty(name = "payout.accounts.keys-dir")
    String keysDir;
    @Inject
    DevelopmentKeys developmentKeys;

    private KeyRing ring;

    @PostConstruct
    void load() {
        ring = new KeyRing(keysDir, "account", developmentKeys::refuseIfDevelopmentKey);
    }

    /** Reads the key directory again (a key added to the Secret becomes current). */
    public void reload() {
        ring.reload();
    }

    public String currentKeyId() {
        return ring.currentKeyId();
    }

    /** Whether the text is a ciphertext under the current key (the rotation's test). */
    public boolean isCurrent(String stored) {
        return ring.isCurrent(stored);
    }

    public static boolean isEncrypted(String stored) {
        return KeyRing.isEncrypted(stored);
    }

    public String encrypt(String plaintext, UUID claimId) {
        return ring.encrypt(plaintext, aad(claimId));
    }

    /** The plaintext; a value stored before encryption existed is returned as it is. */
    public String decrypt(String stored, UUID claimId) {
        return ring.decrypt(stored, aad(claimId));
    }

    /** A keyed hash of the account number's digits: equal for equal accounts, useless without the key. */
    public String hash(String accountNumber) {
        return ring.hash(accountNumber.replace("-", ""));
    }

    private static byte[] aad(UUID claimId) {
        return ByteBuffer.allocate(16).putLong(claimId.getMostSignificantBits()).putLong(claimId.getLeastSignificantBits()).array();
    }
}
