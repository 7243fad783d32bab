package kr.outage.compensation.entitlement.store;

import com.apple.itunes.storekit.model.Environment;
import com.apple.itunes.storekit.model.JWSRenewalInfoDecodedPayload;
import com.apple.itunes.storekit.model.JWSTransactionDecodedPayload;
import com.apple.itunes.storekit.model.NotificationTypeV2;
import com.apple.itunes.storekit.model.ResponseBodyV2DecodedPayload;
import com.apple.itunes.storekit.model.Subtype;
import com.apple.itunes.storekit.model.Summary;
import com.apple.itunes.storekit.verification.SignedDataVerifier;
import com.apple.itunes.storekit.verification.VerificationException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * App Store Server Notifications (version 2), and the signed renewal info of a subscription's status,
 * verified with Apple's own verifier: the signature, the
 * certificate chain up to Apple's root certificate (mounted, never fetched), Apple's marker extensions
 * on the chain, the bundle id, the app's Apple id and the environment. Only what passes is turned into
 * an {@link AppleNotice}; anything else is refused, so nobody can settle a request, or earn the
 * fallback cash, by posting a notification of their own.
 */
@ApplicationScoped
@RegisterForReflection(targets = {ResponseBodyV2DecodedPayload.class, com.apple.itunes.storekit.model.Data.class, Summary.class,
        JWSTransactionDecodedPayload.class, JWSRenewalInfoDecodedPayload.class, NotificationTypeV2.class, Subtype.class,
        Environment.class})
public class AppleNotifications {

    private static final Logger LOG = Logger.getLogger(AppleNotifications.class);

    @ConfigProperty(name = "entitlement.stores.apple.bundle-id")
    Optional<String> bundleId;
    /** The app's Apple id: required by Apple's verifier in production. */
    @ConfigProperty(name = "entitlement.stores.apple.app-apple-id")
    Optional<Long> appAppleId;
    @ConfigProperty(name = "entitlement.stores.apple.environment", defaultValue = "Production")
    String environment;
    /** Apple's root certificates (DER or PEM files from Apple PKI), mounted with the store keys. */
    @ConfigProperty(name = "entitlement.stores.apple.root-certificates")
    Optional<List<String>> rootCertificates;
    /** Revocation (OCSP) and expiry checked against now: Apple's recommendation; off only in tests. */
    @ConfigProperty(name = "entitlement.stores.apple.notification-online-checks", defaultValue = "true")
    boolean onlineChecks;

    private SignedDataVerifier verifier;

    /** Why a notification was not accepted. */
    public static class Rejected extends Exception {
        public Rejected(String message) {
            super(message, null, false, false);
        }
    }

    @PostConstruct
    void init() {
        if (bundleId.isEmpty() || rootCertificates.isEmpty() || rootCertificates.get().isEmpty()) {
            return;
        }
        try {
            Set<InputStream> roots = new HashSet<>();
            for (String file : rootCertificates.get()) {
                roots.add(new ByteArrayInputStream(Files.readAllBytes(Path.of(file))));
            }
            Environment env = Environment.fromValue(environment);
            // Xcode and local-testing data is unsigned, and Apple's verifier skips the signature for it
            if (env != Environment.PRODUCTION && env != Environment.SANDBOX) {
                LOG.errorf("App Store notifications: environment %s is not Production or Sandbox; none will be accepted", environment);
                return;
            }
            verifier = new SignedDataVerifier(roots, bundleId.get(), appAppleId.orElse(null), env, onlineChecks);
        } catch (IOException | RuntimeException e) {
            // the service serves everything else; notifications are refused and Apple sends them again
            LOG.errorf("App Store notifications cannot be verified (%s): %s", rootCertificates.get(), e.getMessage());
        }
    }

    public boolean configured() {
        return verifier != null;
    }

    /** Verifies and reads one signedPayload; {@link Rejected} when it is not Apple's, or not for this app. */
    public AppleNotice read(String signedPayload) throws Rejected {
        if (verifier == null) {
            throw new Rejected("App Store notifications are not configured here (no root certificate or bundle id)");
        }
        try {
            ResponseBodyV2DecodedPayload n = verifier.verifyAndDecodeNotification(signedPayload);
            UUID id = UUID.fromString(n.getNotificationUUID());
            String type = n.getRawNotificationType() != null ? n.getRawNotificationType() : String.valueOf(n.getNotificationType());
            String subtype = n.getRawSubtype();
            Instant signedAt = n.getSignedDate() == null ? null : Instant.ofEpochMilli(n.getSignedDate());
            if (n.getNotificationType() == NotificationTypeV2.RENEWAL_EXTENSION && n.getSubtype() == Subtype.SUMMARY
                    && n.getSummary() != null && isUuid(n.getSummary().getRequestIdentifier())) {
                // (a summary of a mass request made elsewhere, with an identifier of another shape, is no concern of ours)
                Summary s = n.getSummary();
                return new AppleNotice(id, type, subtype, AppleNotice.Kind.MASS_COMPLETE, null, s.getProductId(), null,
                        UUID.fromString(s.getRequestIdentifier()), orZero(s.getSucceededCount()), orZero(s.getFailedCount()), signedAt);
            }
            boolean extended = n.getNotificationType() == NotificationTypeV2.RENEWAL_EXTENDED;
            boolean failed = n.getNotificationType() == NotificationTypeV2.RENEWAL_EXTENSION && n.getSubtype() == Subtype.FAILURE;
            if ((extended || failed) && n.getData() != null && n.getData().getSignedTransactionInfo() != null) {
                JWSTransactionDecodedPayload tx = verifier.verifyAndDecodeTransaction(n.getData().getSignedTransactionInfo());
                Instant renewsAt = tx.getExpiresDate() == null ? null : Instant.ofEpochMilli(tx.getExpiresDate());
                if (n.getData().getSignedRenewalInfo() != null) {
                    JWSRenewalInfoDecodedPayload renewal = verifier.verifyAndDecodeRenewalInfo(n.getData().getSignedRenewalInfo());
                    if (renewal.getRenewalDate() != null) {
                        renewsAt = Instant.ofEpochMilli(renewal.getRenewalDate());
                    }
                }
                return new AppleNotice(id, type, subtype, extended ? AppleNotice.Kind.EXTENDED : AppleNotice.Kind.NOT_EXTENDED,
                        tx.getOriginalTransactionId(), tx.getProductId(), renewsAt, null, 0, 0, signedAt);
            }
            return new AppleNotice(id, type, subtype, AppleNotice.Kind.OTHER, null, null, null, null, 0, 0, signedAt);
        } catch (VerificationException e) {
            throw new Rejected("not a notification signed by the App Store for this app: " + e.getStatus()
                    + (e.getCause() != null && e.getCause().getMessage() != null ? " (" + e.getCause().getMessage() + ")" : ""));
        } catch (IllegalArgumentException | NullPointerException e) {
            // verified, but without the fields every notification has (a UUID, a request identifier)
            throw new Rejected("the notification lacks a field Apple always sends: " + e.getMessage());
        }
    }

    /**
     * The renewal date in a subscription's signed renewal info (from Get All Subscription Statuses),
     * verified as a notification is: a date only Apple could have signed, for this app, about
     * {@code originalTransactionId}.
     */
    public Instant renewalDate(String signedRenewalInfo, String originalTransactionId) throws Rejected {
        if (verifier == null) {
            throw new Rejected("App Store signed data cannot be verified here (no root certificate or bundle id)");
        }
        try {
            JWSRenewalInfoDecodedPayload renewal = verifier.verifyAndDecodeRenewalInfo(signedRenewalInfo);
            if (!originalTransactionId.equals(renewal.getOriginalTransactionId()) || renewal.getRenewalDate() == null) {
                throw new Rejected("the renewal info is not about " + originalTransactionId + " or has no renewal date");
            }
            return Instant.ofEpochMilli(renewal.getRenewalDate());
        } catch (VerificationException e) {
            throw new Rejected("renewal info not signed by the App Store for this app: " + e.getStatus());
        }
    }

    private static boolean isUuid(String s) {
        try {
            return s != null && UUID.fromString(s) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static long orZero(Long n) {
        return n == null ? 0 : n;
    }
}
