package kr.outage.compensation.platform.security;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public development keys are refused outside development; a rotated verification key is followed. */
class DevelopmentKeysTest {

    private static final Path DEV_KEYS = Path.of("../dev-keys");

    private static DevelopmentKeys keys(boolean allowed, Path verificationKey) {
        DevelopmentKeys keys = new DevelopmentKeys();
        keys.allowed = allowed;
        keys.verificationKey = new VerificationKey();
        keys.verificationKey.location = Optional.of(verificationKey.toString());
        return keys;
    }

    @Test
    void aProductionStartWithTheDevelopmentTokenKeyIsRefused() {
        assertThatThrownBy(() -> keys(false, DEV_KEYS.resolve("dev-jwt-public.pem")).atStart(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("development key");
        keys(true, DEV_KEYS.resolve("dev-jwt-public.pem")).atStart(null);
    }

    @Test
    void anotherTokenKeyStarts() throws Exception {
        Path own = Files.createTempFile("suite-key", ".pem");
        Files.writeString(own, pem(newKey()));
        keys(false, own).atStart(null);
    }

    @Test
    void theDevelopmentKeysForPersonalDataAreRefusedOutsideDevelopment() throws Exception {
        for (String file : new String[]{"account-keys/dev-2026-11.key", "account-keys/hash.key", "contact-keys/dev-2026-12.key",
                "contact-keys/hash.key"}) {
            byte[] key = Base64.getDecoder().decode(Files.readString(DEV_KEYS.resolve(file)).strip());
            assertThatThrownBy(() -> keys(false, DEV_KEYS.resolve("dev-jwt-public.pem")).refuseIfDevelopmentKey(key, file))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("development key");
            keys(true, DEV_KEYS.resolve("dev-jwt-public.pem")).refuseIfDevelopmentKey(key, file);
        }
        keys(false, DEV_KEYS.resolve("dev-jwt-public.pem")).refuseIfDevelopmentKey(new byte[32], "zeros.key");
    }

    @Test
    void aRotatedVerificationKeyIsReadAgainAndStartsANewGeneration() throws Exception {
        Path file = Files.createTempFile("suite-key", ".pem");
        PublicKey first = newKey();
        Files.writeString(file, pem(first));
        VerificationKey key = new VerificationKey();
        key.location = Optional.of(file.toString());
        assertThat(key.current()).contains(first);
        long generation = key.generation();

        PublicKey second = newKey();
        Files.writeString(file, pem(second));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        Thread.sleep(1100);
        assertThat(key.current()).contains(second);
        assertThat(key.generation()).isGreaterThan(generation);

        // a half-written file keeps the key that was there
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\nMIIB");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        Thread.sleep(1100);
        assertThat(key.current()).contains(second);
    }

    private static PublicKey newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPublic();
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
