package kr.outage.compensation.entitlement.service;

import kr.outage.compensation.platform.worker.WorkerThreads;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.platform.notice.ContactDetails;
import kr.outage.compensation.entitlement.domain.NoticeText;
import kr.outage.compensation.entitlement.domain.OfferCheck;
import kr.outage.compensation.entitlement.domain.SentNotice;
import kr.outage.compensation.platform.notice.NoticeDispatch;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.ContactStore;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.NoticeStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the notices campaign runs wrote, in every replica, each at most once to its person:
 * <ol>
 *   <li>claim a batch and commit SENDING with a new attempt number and a lease, before anything is sent;</li>
 *   <li>per notice: a campaign no longer official cancels it; a person with no contact details gets it
 *       in their own view (KEPT); a mobile number gets it by the messaging provider, else an e-mail address
 *       by e-mail; an e-mail is marked handed over in its own commit just before it goes to the SMTP server;</li>
 *   <li>commit every outcome, guarded by the attempt number.</li>
 * </ol>
 * A crash leaves the batch SENDING; when the lease runs out another worker takes it again. A message is
 * sent again under the same reference, which the provider takes once; an e-mail that was handed over is
 * never sent again but recorded UNCERTAIN (SMTP cannot tell whether it went), so no notice arrives twice.
 */
@ApplicationScoped
public class NoticeWorker {

    private static final Logger LOG = Logger.getLogger(NoticeWorker.class);

    @Inject
    Jdbc jdbc;
    @Inject
    NoticeStore notices;
    @Inject
    ContactStore contacts;
    @Inject
    ContactBook contactBook;
    @Inject
    CampaignStore campaigns;
    @Inject
    NoticeDispatch dispatch;
    @Inject
    OfferVerification verification;
    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "entitlement.notices.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "entitlement.notices.batch-size", defaultValue = "500")
    int batchSize;
    /** Sends in flight at once in this replica (each waits for its channel's rate). */
    @ConfigProperty(name = "entitlement.notices.senders", defaultValue = "64")
    int senders;
    @ConfigProperty(name = "entitlement.notices.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;
    /** Longer than a batch can take at the channels' rates. */
    @ConfigProperty(name = "entitlement.notices.lease", defaultValue = "PT5M")
    Duration lease;
    @ConfigProperty(name = "entitlement.contacts.purge-interval", defaultValue = "PT1H")
    Duration purgeInterval;
    /**
     * Wait while a run applies its chunks: delivering takes two writes per notice, and measured side
     * by side it slowed a run applying 946,555 grants to about 0.57 of its speed (docs/benchmarks.md).
     * A run's notices go out right after it; a run waiting only for the stores no longer holds them.
     */
    @ConfigProperty(name = "entitlement.notices.pause-during-runs", defaultValue = "true")
    boolean pauseDuringRuns;

    private final WorkerThreads threads = new WorkerThreads();
    private final Semaphore wake = new Semaphore(0);
    private ExecutorService sending;
    private volatile Instant nextPurge = Instant.EPOCH;

    void start(@Observes StartupEvent event) {
        for (SentNotice.State state : SentNotice.State.values()) {
            metrics.counter("notices", "state", state.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!enabled) {
            return;
        }
        sending = Executors.newFixedThreadPool(senders, r -> {
            Thread t = new Thread(r, "notice-sender");
            t.setDaemon(true);
            return t;
        });
        threads.start("notice-worker", this::loop);
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop(() -> wake.release());
        if (sending != null) {
            sending.shutdownNow();
        }
    }

    private void loop() {
        while (threads.running()) {
            boolean worked = false;
            try {
                purgeWhenDue();
                worked = deliverBatch() > 0;
            } catch (InterruptedException e) {
                return;
            } catch (Exception | Error e) {
                // the database may be briefly unreachable; a claimed batch comes back when its lease ends.
                // Anything else is logged and the loop goes on: a dead worker would leave notices unsent.
                LOG.warnf(e, "Notice worker: %s", e.toString());
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

    private void purgeWhenDue() {
        Instant now = Instant.now();
        if (now.isAfter(nextPurge)) {
            nextPurge = now.plus(purgeInterval);
            int purged = contactBook.purgeExpired();
            if (purged > 0) {
                LOG.infof("Contact details of %d accounts purged at the end of their retention", purged);
            }
        }
    }

    /** Claims and delivers one batch; returns how many notices it took. */
    int deliverBatch() throws InterruptedException {
        if (pauseDuringRuns && jdbc.read(notices::runApplying)) {
            return 0;
        }
        List<NoticeStore.Due> batch = jdbc.inTransaction(c -> notices.claim(c, batchSize, lease));
        if (batch.isEmpty()) {
            return 0;
        }
        Map<UUID, Campaign> byId = new HashMap<>();
        Map<String, ContactDetails> reach = jdbc.read(c -> {
            for (NoticeStore.Due d : batch) {
                if (!byId.containsKey(d.campaignId())) {
                    byId.put(d.campaignId(), campaigns.find(c, d.campaignId()).orElse(null));
                }
            }
            return contacts.forUsers(c, batch.stream().map(NoticeStore.Due::userId).distinct().toList());
        });
        List<Future<NoticeStore.Outcome>> pending = new ArrayList<>(batch.size());
        for (NoticeStore.Due due : batch) {
            pending.add(sending.submit(() -> deliver(due, byId.get(due.campaignId()), reach.get(due.userId()))));
        }
        List<NoticeStore.Outcome> outcomes = new ArrayList<>(batch.size());
        for (Future<NoticeStore.Outcome> f : pending) {
            try {
                outcomes.add(f.get());
            } catch (ExecutionException e) {
                // its notice stays SENDING and is taken again when the lease ends
                LOG.warnf(e.getCause(), "Notice delivery failed unexpectedly: %s", e.getCause().toString());
            }
        }
        jdbc.inTransaction(c -> notices.settle(c, outcomes));
        outcomes.forEach(o -> metrics.counter("notices", "state", o.state().name().toLowerCase(java.util.Locale.ROOT)).increment());
        return batch.size();
    }

    private NoticeStore.Outcome deliver(NoticeStore.Due due, Campaign campaign, ContactDetails contact) throws InterruptedException {
        if (campaign == null || campaign.announcement() == null || !OfferCheck.official(campaign)) {
            return outcome(due, SentNotice.State.CANCELLED, null, null, null, "the campaign is no longer official");
        }
        NoticeText.Language language = NoticeText.languageFor(campaign.announcement(), due.country());
        String lang = language.name().toLowerCase(java.util.Locale.ROOT);
        String text = NoticeText.render(campaign.announcement(), due.code(), language, verification.verifyUrl()).orElseThrow();
        String subject = language == NoticeText.Language.KO ? "[보상 안내] " + campaign.title() : "Compensation notice: " + campaign.title();
        NoticeDispatch.Letter letter = new NoticeDispatch.Letter(due.code().printed(),
                contact == null ? null : contact.email(), contact == null ? null : contact.phone(),
                contact == null ? null : contact.maskedEmail().orElse(null), contact == null ? null : contact.maskedPhone().orElse(null),
                due.handedOver(), due.channelBefore(), lang, subject, text, campaign.code());
        NoticeDispatch.Result result = dispatch.deliver(letter, channel -> jdbc.inTransaction(c -> notices.handOver(c, due, channel)));
        SentNotice.State state = switch (result.state()) {
            case SENT -> SentNotice.State.SENT;
            case KEPT -> SentNotice.State.KEPT;
            case UNCERTAIN -> SentNotice.State.UNCERTAIN;
            case FAILED -> SentNotice.State.FAILED;
            case RETRY -> SentNotice.State.SENDING;
        };
        return new NoticeStore.Outcome(due, state, result.channel(), result.state() == NoticeDispatch.State.RETRY
                && result.channel() == null ? null : lang, result.recipientMasked(), result.retryAfter(), result.error());
    }

    private static NoticeStore.Outcome outcome(NoticeStore.Due due, SentNotice.State state, String channel, String lang,
                                               String masked, String error) {
        return new NoticeStore.Outcome(due, state, channel, lang, masked, null, error);
    }

    /** Tests and the console: deliver now rather than at the next poll. */
    public void wakeUp() {
        wake.release();
    }
}
