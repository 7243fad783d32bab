package kr.outage.compensation.payout.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.domain.ClaimantNotice;
import kr.outage.compensation.payout.persistence.ClaimNoticeStore;
import kr.outage.compensation.payout.security.AccountVault;
import kr.outage.compensation.platform.notice.NoticeCode;
import kr.outage.compensation.platform.notice.NoticeDispatch;
import kr.outage.compensation.platform.worker.WorkerThreads;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers claimant notices in every replica, each at most once: take a batch (committed, with a new
 * attempt number and a lease, before anything is sent), render each text once with its code, send it
 * through the platform's channels by the filer's contact details (or keep it with the claim when there
 * are none), and record every outcome under its attempt number. A crash leaves the batch taken until
 * its lease ends; a message is then sent again under the same reference (the provider takes it once),
 * and an e-mail that was handed over is never sent again but recorded uncertain.
 */
@ApplicationScoped
public class ClaimNoticeWorker {

    private static final Logger LOG = Logger.getLogger(ClaimNoticeWorker.class);

    @Inject
    ClaimNoticeStore notices;
    @Inject
    NoticeDispatch dispatch;
    @Inject
    AccountVault vault;

    @ConfigProperty(name = "payout.notices.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "payout.notices.batch-size", defaultValue = "200")
    int batchSize;
    @ConfigProperty(name = "payout.notices.senders", defaultValue = "16")
    int senders;
    @ConfigProperty(name = "payout.notices.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;
    @ConfigProperty(name = "payout.notices.lease", defaultValue = "PT5M")
    Duration lease;
    /**
     * Stand back while this replica stores more claims a second than this (0: never): each notice
     * costs two more writes next to its claim's. At most {@link #longestPause} at a time, so notices
     * still go out, slower, during a long burst.
     */
    @ConfigProperty(name = "payout.notices.pause-while-filing-above", defaultValue = "20")
    long pauseAbove;
    @ConfigProperty(name = "payout.notices.longest-pause", defaultValue = "PT30S")
    Duration longestPause;
    @Inject
    IntakeActivity intake;
    private volatile java.time.Instant lastDelivery = java.time.Instant.now();

    /** The verify page every notice prints under its code (entitlement-service's). */
    @ConfigProperty(name = "suite.notices.verify-url")
    String verifyUrl;

    private final WorkerThreads threads = new WorkerThreads();
    private final Semaphore wake = new Semaphore(0);
    private ExecutorService sending;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        sending = Executors.newFixedThreadPool(senders, r -> {
            Thread t = new Thread(r, "claim-notice-sender");
            t.setDaemon(true);
            return t;
        });
        threads.start("claim-notice-worker", this::loop);
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop(wake::release);
        if (sending != null) {
            sending.shutdownNow();
        }
    }

    /** Tests: deliver now rather than at the next poll. */
    public void wakeUp() {
        wake.release();
    }

    private void loop() {
        while (threads.running()) {
            boolean worked = false;
            try {
                worked = deliverBatch() > 0;
            } catch (InterruptedException e) {
                return;
            } catch (Exception | Error e) {
                // the database may be briefly unreachable; a taken batch comes back when its lease ends
                LOG.warnf(e, "Claim notice worker: %s", e.toString());
            }
            if (!worked) {
                try {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    int deliverBatch() throws InterruptedException {
        java.time.Instant now = java.time.Instant.now();
        if (pauseAbove > 0 && intake.lastSecond() > pauseAbove && now.isBefore(lastDelivery.plus(longestPause))) {
            return 0;
        }
        lastDelivery = now;
        List<ClaimNoticeStore.Due> batch = notices.take(batchSize, lease);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<ClaimNoticeStore.Outcome>> pending = new ArrayList<>(batch.size());
        for (ClaimNoticeStore.Due due : batch) {
            pending.add(sending.submit(() -> deliver(due)));
        }
        List<ClaimNoticeStore.Outcome> outcomes = new ArrayList<>(batch.size());
        for (Future<ClaimNoticeStore.Outcome> f : pending) {
            try {
                outcomes.add(f.get());
            } catch (ExecutionException e) {
                // its notice stays taken and comes back when the lease ends
                LOG.warnf(e.getCause(), "Claim notice delivery failed unexpectedly: %s", e.getCause().toString());
            }
        }
        notices.settle(outcomes);
        return batch.size();
    }

    private ClaimNoticeStore.Outcome deliver(ClaimNoticeStore.Due due) throws InterruptedException {
        NoticeCode code = new NoticeCode(due.code());
        String text = ClaimantNotice.render(ClaimantNotice.Event.fromWire(due.event()), new ClaimantNotice.Facts(due.programName(),
                due.businessName(), due.amount(), due.reason(), due.objectionDays()), due.language(), code, verifyUrl);
        NoticeDispatch.Letter letter = new NoticeDispatch.Letter(code.printed(),
                due.contactEmail() == null ? null : vault.decrypt(due.contactEmail(), due.claimId()),
                due.contactPhone() == null ? null : vault.decrypt(due.contactPhone(), due.claimId()),
                due.maskedEmail(), due.maskedPhone(), due.handedOver(), due.channelBefore(), due.language(),
                ClaimantNotice.subject(due.language(), due.programName()), text, due.programName());
        return new ClaimNoticeStore.Outcome(due, dispatch.deliver(letter, channel -> notices.handOver(due, channel)), text);
    }
}
