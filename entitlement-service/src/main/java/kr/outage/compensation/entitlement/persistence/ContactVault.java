package kr.outage.compensation.entitlement.persistence;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.platform.security.DevelopmentKeys;
import kr.outage.compensation.platform.security.KeyRing;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Contact details at rest, in a {@link KeyRing} over {@code entitlement.contacts.keys-dir} (the Secret
 * {@code entitlement-contact-keys}). The account's id is the associated data: an address copied onto
 * another account does not decrypt. Without a key directory the service keeps no contact details at
 * all: the import is refused and every notice is shown in its person's own view.
 */
@ApplicationScoped
@Startup
public class ContactVault {

    @ConfigProperty(name = "entitlement.contacts.keys-dir")
    Optional<String> keysDir;
    @Inject
    DevelopmentKeys developmentKeys;

    private KeyRing ring;

    @PostConstruct
    void load() {
        ring = keysDir.filter(d -> !d.isBlank()).map(d -> new KeyRing(d, "contact", developmentKeys::refuseIfDevelopmentKey))
                .orElse(null);
    }

    public boolean configured() {
        return ring != null;
    }

    public String encrypt(String plaintext, String userId) {
        return plaintext == null ? null : ring().encrypt(plaintext, userId.getBytes(StandardCharsets.UTF_8));
    }

    public String decrypt(String stored, String userId) {
        return stored == null ? null : ring().decrypt(stored, userId.getBytes(StandardCharsets.UTF_8));
    }

    private KeyRing ring() {
        if (ring == null) {
            throw new IllegalStateException("entitlement.contacts.keys-dir is not set");
        }
        return ring;
    }
}
