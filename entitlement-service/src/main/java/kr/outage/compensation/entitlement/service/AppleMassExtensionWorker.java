package kr.outage.compensation.entitlement.service;

import kr.outage.compensation.platform.worker.WorkerThreads;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.persistence.AppleMassStore;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.RunStore;
import kr.outage.compensation.entitlement.store.AppleAppStore;
import kr.outage.compensation.entitlement.store.AppleNotifications;
import kr.outage.compensation.entitlement.store.MassAnswer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Drives the App Store mass extensions campaign runs recorded, in every replica (one thread each):
 * <ol>
 *   <li>PENDING: sent once the run's chunks are all applied, under the request's own identifier (the
 *       same on every resend); Apple refusing the request itself gives every subscription it covers
 *       the fallback;</li>
 *   <li>SENT: its status asked every status interval until Apple reports it complete (the summary
 *       notification may say so first);</li>
 *   <li>COMPLETE: after the grace period, Apple's notification history since the request was sent is
 *       read and applied like notifications received (a notification lost on the way is found there);
 *       whatever is still waiting then was not extended by Apple (not active, not eligible) and gets the
 *       fallback, in one statement, and the mass request is SETTLED.</li>
 * </ol>
 * Each step holds a lease on the mass request, so one replica works on it at a time, and every change is
 * guarded by the state it leaves: a crash anywhere repeats a step without doing its effect twice.
 */
@ApplicationScoped
public class AppleMassExtensionWorker {

    private static final Logger LOG = Logger.getLogger(AppleMassExtensionWorker.class);
    /** Notifications are signed a moment before or after the request is recorded as sent: read the history from a little earlier. */
    private static final Duration HISTORY_MARGIN = Duration.ofMinutes(10);

    @Inject
    Jdbc jdbc;
    @Inject
    AppleMassStore masses;
    @Inject
    CampaignStore campaigns;
    @Inject
    RunStore runs;
    @Inject
    AppleAppStore apple;
    @Inject
    AppleNotifications notifications;
    @Inject
    AppleNotificationIntake intake;
    @Inject
    Clock clock;
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @ConfigProperty(name = "entitlement.stores.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;
    @ConfigProperty(name = "entitlement.stores.lease", defaultValue = "PT2M")
    Duration lease;
    /** How often Apple is asked whether a mass extension is complete (it takes hours for a large product). */
    @ConfigProperty(name = "entitlement.stores.apple.mass-status-interval", defaultValue = "PT5M")
    Duration statusInterval;
    @ConfigProperty(name = "entitlement.stores.apple.mass-settle-grace", defaultValue = "PT1H")
    Duration grace;

    private final WorkerThreads threads = new WorkerThreads();

    void start(@Observes StartupEvent event) {
        threads.start("apple-mass-extension-worker", this::loop);
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop(threads::interruptAll);
    }

    private void loop() {
        while (threads.running()) {
            boolean worked = false;
            try {
                worked = step();
            } catch (RuntimeException e) {
                // the database or Apple may be briefly unreachable; a claimed request comes back when its lease ends
                LOG.warnf("App Store mass extension worker: %s", e.getMessage());
            }
            if (!worked) {
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Works on one due mass request; false when none was due. */
    boolean step() {
        var claimed = jdbc.inTransaction(c -> masses.claim(c, lease));
        if (claimed.isEmpty()) {
            return false;
        }
        AppleMassStore.MassRequest m = claimed.get();
        switch (m.state()) {
            case PENDING -> send(m);
            case SENT -> poll(m);
            case COMPLETE -> settle(m);
            case SETTLED -> {
            }
        }
        return true;
    }

    private void send(AppleMassStore.MassRequest m) {
        MassAnswer answer = apple.massExtend(m.requestId(), m.productId(), m.days(), m.storefronts());
        if (answer instanceof MassAnswer.Refused && m.attempt() > 1
                && apple.massStatus(m.requestId(), m.productId()) instanceof MassAnswer.Progress) {
            // a resend refused, but Apple knows the request: an earlier attempt went through and its answer
            // was lost. Giving everyone the fallback now would pay twice those Apple extends.
            answer = new MassAnswer.Accepted();
        }
        if (answer instanceof MassAnswer.Accepted) {
            jdbc.inTransaction(c -> masses.sent(c, m, statusInterval));
            LOG.infof("App Store mass extension %s of %s by %d days sent (campaign %s)", m.requestId(), m.productId(), m.days(),
                    m.campaignId());
        } else if (answer instanceof MassAnswer.Refused r) {
            int given = fallbackForTheRest(m, r.code(), "the App Store refused the mass extension: " + r.detail());
            LOG.warnf("App Store refused mass extension %s of %s (%s): %d subscriptions got the fallback", m.requestId(),
                    m.productId(), r.detail(), given);
        } else {
            waitAndSay(m, answer);
        }
    }

    private void poll(AppleMassStore.MassRequest m) {
        MassAnswer answer = apple.massStatus(m.requestId(), m.productId());
        if (answer instanceof MassAnswer.Progress p && p.complete()) {
            jdbc.inTransaction(c -> masses.complete(c, m.campaignId(), m.productId(),
                    p.completeAt() != null ? p.completeAt() : clock.instant(), p.succeeded(), p.failed(), grace));
        } else if (answer instanceof MassAnswer.Progress p) {
            jdbc.inTransaction(c -> {
                masses.retryLater(c, m, statusInterval, null);
                return null;
            });
            LOG.debugf("App Store mass extension %s: %d extended, %d failed so far", m.requestId(), p.succeeded(), p.failed());
        } else if (answer instanceof MassAnswer.Refused r) {
            // the request was accepted, so this is no answer about it: keep asking, and show why
            waitAndSay(m, new MassAnswer.TryAgain(statusInterval, "status: " + r.detail()));
        } else {
            waitAndSay(m, answer);
        }
    }

    private void settle(AppleMassStore.MassRequest m) {
        if (!notifications.configured()) {
            // without verified notifications nobody can tell extended from not: the requests wait, and say why
            waitAndSay(m, new MassAnswer.TryAgain(Duration.ofMinutes(5), "App Store notifications are not configured "
                    + "(root certificate, bundle id, app Apple id): the mass extension's outcomes cannot be read"));
            return;
        }
        // real time, not the business clock: the window is about when Apple sent its notifications
        Instant to = Instant.now();
        Instant from = (m.sentAt() != null ? m.sentAt() : to).minus(HISTORY_MARGIN);
        for (AppleAppStore.HistoryKind kind : AppleAppStore.HistoryKind.values()) {
            String page = null;
            do {
                MassAnswer answer = apple.notificationHistory(from, to, kind, page);
                if (!(answer instanceof MassAnswer.HistoryPage history)) {
                    waitAndSay(m, answer instanceof MassAnswer.Refused r
                            ? new MassAnswer.TryAgain(statusInterval, "notification history: " + r.detail()) : answer);
                    return;
                }
                for (String payload : history.signedPayloads()) {
                    try {
                        intake.accept(payload);
                    } catch (AppleNotifications.Rejected e) {
                        LOG.warnf("App Store notification history: an item was not accepted: %s", e.getMessage());
                    }
                }
                page = history.nextPageToken();
                // a large product's history is many pages: keep the lease while reading it
                jdbc.inTransaction(c -> {
                    masses.retryLater(c, m, lease, "reading the App Store's notification history");
                    return null;
                });
            } while (page != null);
        }
        int given = fallbackForTheRest(m, "NOT_EXTENDED", "the App Store's mass extension did not extend this subscription "
                + "(not active or not eligible at Apple)");
        LOG.infof("App Store mass extension %s of %s settled; %d subscriptions it did not extend got the fallback",
                m.requestId(), m.productId(), given);
    }

    /** Every request still waiting on {@code m} gets the fallback, and {@code m} is settled, in one transaction. */
    private int fallbackForTheRest(AppleMassStore.MassRequest m, String refusal, String detail) {
        Instant now = clock.instant();
        int given = jdbc.inTransaction(c -> {
            Campaign campaign = campaigns.find(c, m.campaignId()).orElseThrow();
            String principal = runs.findById(c, m.runId()).map(RunStore.Run::requestedBy).orElse("apple-mass-extension-worker");
            if (!masses.settled(c, m)) {
                return 0;
            }
            return masses.settleFallback(c, m.campaignId(), m.productId(), null, refusal, detail,
                    campaign.storeFallbackReason(), principal, now);
        });
        metrics.counter("store.extension.requests", "store", "apple", "outcome", "fallback").increment(given);
        return given;
    }

    private void waitAndSay(AppleMassStore.MassRequest m, MassAnswer answer) {
        MassAnswer.TryAgain t = answer instanceof MassAnswer.TryAgain again ? again
                : new MassAnswer.TryAgain(statusInterval, "unexpected answer " + answer);
        jdbc.inTransaction(c -> {
            masses.retryLater(c, m, t.after(), t.reason());
            return null;
        });
        LOG.debugf("App Store mass extension %s waits %s: %s", m.requestId(), t.after(), t.reason());
    }
}
