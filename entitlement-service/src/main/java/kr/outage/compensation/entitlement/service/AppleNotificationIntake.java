package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.persistence.AppleMassStore;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.RunStore;
import kr.outage.compensation.entitlement.store.AppleNotice;
import kr.outage.compensation.entitlement.store.AppleNotifications;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Applies App Store Server Notifications to the campaign requests waiting on a mass extension: the
 * same path for a notification Apple posts and for one read back from Apple's notification history.
 * Each notification is recorded with what it settled, in the transaction that settles it, so a resent
 * or re-read notification changes nothing a second time.
 */
@ApplicationScoped
public class AppleNotificationIntake {

    /** What a notification did. */
    public enum Outcome { EXTENDED, FALLBACK, OVERTURNED, COMPLETE, NONE, DUPLICATE }

    @Inject
    Jdbc jdbc;
    @Inject
    AppleNotifications notifications;
    @Inject
    AppleMassStore masses;
    @Inject
    CampaignStore campaigns;
    @Inject
    RunStore runs;
    @Inject
    Clock clock;
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    /** How long after Apple completes a mass extension its history is read and the rest get the fallback. */
    @ConfigProperty(name = "entitlement.stores.apple.mass-settle-grace", defaultValue = "PT1H")
    Duration grace;

    /** Verifies {@code signedPayload} and applies it; {@link AppleNotifications.Rejected} when it is not Apple's. */
    public Outcome accept(String signedPayload) throws AppleNotifications.Rejected {
        AppleNotice notice = notifications.read(signedPayload);
        Outcome outcome = jdbc.inTransaction(c -> apply(c, notice));
        if (outcome == Outcome.EXTENDED || outcome == Outcome.FALLBACK || outcome == Outcome.OVERTURNED) {
            // the same counter as requests sent one by one: the alert on unanswered store requests reads it
            metrics.counter("store.extension.requests", "store", "apple", "outcome",
                            outcome == Outcome.EXTENDED ? "extended" : "fallback")
                    .increment();
        }
        return outcome;
    }

    private Outcome apply(Connection c, AppleNotice n) throws SQLException {
        if (n.kind() == AppleNotice.Kind.OTHER) {
            // renewals, refunds and the rest of the app's notifications: acknowledged, not kept
            return Outcome.NONE;
        }
        Instant now = clock.instant();
        if (!masses.recordNotification(c, n.notificationId(), n.type(), n.subtype(), n.originalTransactionId(), n.productId(),
                Outcome.NONE.name(), n.signedAt(), now)) {
            return Outcome.DUPLICATE;
        }
        Outcome outcome = Outcome.NONE;
        if (n.kind() == AppleNotice.Kind.EXTENDED) {
            // RENEWAL_EXTENDED does not say which extension it reports: a mass extension's, a
            // one-subscription request of the suite's (never taken for the mass request's), or another
            // tool's (settles the waiting request until the mass extension's own FAILURE overturns it)
            var waiting = masses.waitingFor(c, n.originalTransactionId(), n.signedAt());
            if (waiting.isPresent() && !masses.mayBeOneSubscriptionRequests(c, n.originalTransactionId(), n.renewsAt())) {
                outcome = masses.settleExtended(c, waiting.get(), n.renewsAt(), n.notificationId()) ? Outcome.EXTENDED : Outcome.NONE;
            }
        } else if (n.kind() == AppleNotice.Kind.NOT_EXTENDED) {
            // a FAILURE comes only from a mass extension: the request waiting on it gets the fallback, and
            // so does one an earlier RENEWAL_EXTENDED (another extension's, then) had settled
            var waiting = masses.waitingFor(c, n.originalTransactionId(), n.signedAt());
            if (waiting.isPresent()) {
                outcome = fallback(c, waiting.get(), false, now) ? Outcome.FALLBACK : Outcome.NONE;
            } else {
                var settledByAnother = masses.settledByAnotherExtension(c, n.originalTransactionId(), n.signedAt());
                if (settledByAnother.isPresent()) {
                    outcome = fallback(c, settledByAnother.get(), true, now) ? Outcome.OVERTURNED : Outcome.NONE;
                }
            }
        } else if (n.kind() == AppleNotice.Kind.MASS_COMPLETE) {
            var mass = masses.byRequestId(c, n.requestId());
            if (mass.isPresent() && masses.complete(c, mass.get().campaignId(), mass.get().productId(),
                    n.signedAt() != null ? n.signedAt() : now, n.succeeded(), n.failed(), grace)) {
                outcome = Outcome.COMPLETE;
            }
        }
        if (outcome != Outcome.NONE) {
            masses.notificationOutcome(c, n.notificationId(), outcome.name());
        }
        return outcome;
    }

    private boolean fallback(Connection c, AppleMassStore.Waiting w, boolean overturning, Instant now) throws SQLException {
        Campaign campaign = campaigns.find(c, w.campaignId()).orElseThrow();
        String principal = runs.findById(c, w.runId()).map(RunStore.Run::requestedBy).orElse("app-store-notification");
        return masses.settleFallback(c, w.campaignId(), null, w.subjectId(), overturning, "MASS_EXTENSION_FAILURE",
                overturning ? "the App Store's mass extension could not extend this subscription; the renewal-date extension "
                        + "reported before was another extension's" : "the App Store's mass extension could not extend this subscription",
                campaign.storeFallbackReason(), principal, now) == 1;
    }
}
