package kr.outage.compensation.entitlement.service;

import kr.outage.compensation.platform.worker.WorkerThreads;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.BillingChannel;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.RunStore;
import kr.outage.compensation.entitlement.persistence.StoreRequestStore;
import kr.outage.compensation.entitlement.store.StoreAnswer;
import kr.outage.compensation.entitlement.store.StoreRequest;
import kr.outage.compensation.entitlement.store.SubscriptionStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends the store requests campaign runs recorded, in every replica, and settles each exactly once.
 * One request, one protocol:
 * <ol>
 *   <li>claim it and commit SENDING with a new attempt number and a lease, before anything is sent;</li>
 *   <li>first attempt: read the subscription at its store (Google: expiry and etag; Apple: the renewal
 *       date) and commit what the extension will expect, before it is sent;</li>
 *   <li>send (Apple: the same requestIdentifier on every attempt; Google: the recorded etag; a
 *       subscription that changed before ours reached it is recorded anew and deferred from there);</li>
 *   <li>commit the answer: EXTENDED, or FALLBACK together with the fallback cash, or back to wait.</li>
 * </ol>
 * A crash anywhere leaves the request SENDING; when its lease runs out another worker sends it again,
 * which the store answers without extending twice (Apple: the renewal date is read before resending,
 * and a date moved by exactly the campaign's days is the first attempt's extension, settled without
 * resending; Google's deferral names an etag that no longer matches, and the subscription read again
 * shows whether exactly this deferral went through; anything else is never taken for ours). The fallback is credited only
 * in the transaction that settles the request, guarded by the attempt number, so it is given once.
 */
@ApplicationScoped
public class StoreRequestWorker {

    private static final Logger LOG = Logger.getLogger(StoreRequestWorker.class);

    @Inject
    Jdbc jdbc;
    @Inject
    StoreRequestStore requests;
    @Inject
    CampaignStore campaigns;
    @Inject
    RunStore runs;
    @Inject
    Instance<SubscriptionStore> allStores;
    @Inject
    Clock clock;
    @Inject
    Tracer tracer;
    @Inject
    MeterRegistry metrics;

    /**
     * Per store: each store has workers of its own, so waiting under one store's rate limit never
     * holds up requests to the other. A worker holds no database connection while a store answers.
     */
    @ConfigProperty(name = "entitlement.stores.workers", defaultValue = "16")
    int workers;
    @ConfigProperty(name = "entitlement.stores.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;
    /** Longer than a request can take (its timeout, twice for the read before the extension, plus the rate limits' wait). */
    @ConfigProperty(name = "entitlement.stores.lease", defaultValue = "PT2M")
    Duration lease;

    private final Map<BillingChannel, SubscriptionStore> stores = new EnumMap<>(BillingChannel.class);
    /** Per store: idle workers wait here until the store's first worker, the only one polling, finds work. */
    private final Map<BillingChannel, Semaphore> wakeUp = new EnumMap<>(BillingChannel.class);
    private final WorkerThreads threads = new WorkerThreads();

    void start(@Observes StartupEvent event) {
        allStores.forEach(s -> stores.put(s.channel(), s));
        // every store and outcome exported from the start, at 0: an alert on their rate needs the series
        for (BillingChannel channel : stores.keySet()) {
            for (String outcome : List.of("extended", "fallback", "retry", "lease_lost")) {
                metrics.counter("store.extension.requests", "store", channel.wire(), "outcome", outcome);
            }
        }
        for (BillingChannel channel : stores.keySet()) {
            wakeUp.put(channel, new Semaphore(0));
            for (int i = 0; i < workers; i++) {
                boolean poller = i == 0;
                threads.start("store-request-worker-" + channel.wire() + "-" + i, () -> loop(channel, poller));
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop(() -> wakeUp.values().forEach(w -> w.release(threads.count())));
    }

    /**
     * One worker of one store. Only the store's first worker polls while there is nothing to do
     * (one query per poll interval, not one per worker); when a worker finds a request, it wakes the
     * others, which work until they find none and then wait again.
     */
    private void loop(BillingChannel channel, boolean poller) {
        Semaphore wake = wakeUp.get(channel);
        while (threads.running()) {
            boolean worked = false;
            try {
                worked = sendOne(channel);
            } catch (RuntimeException e) {
                // the database may be briefly unreachable; a claimed request comes back when its lease ends
                LOG.warnf("Store request worker: %s", e.getMessage());
            }
            try {
                if (worked) {
                    // at most one permit per worker outstanding: idle workers wake, none keeps spinning afterwards
                    int missing = workers - wake.availablePermits();
                    if (missing > 0) {
                        wake.release(missing);
                    }
                } else if (poller) {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    wake.acquire();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sends one due request to {@code channel}'s store and settles it; false when none was due. */
    /** How often one attempt defers again after seeing the subscription change under it. */
    static final int MAX_CHANGED_ROUNDS = 3;

    boolean sendOne(BillingChannel channel) {
        var claimed = jdbc.inTransaction(c -> requests.claim(c, channel, lease));
        if (claimed.isEmpty()) {
            return false;
        }
        StoreRequestStore.Due due = claimed.get();
        SubscriptionStore store = stores.get(due.channel());
        Span span = tracer.spanBuilder("store-extension send").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            span.setAttribute("store", due.channel().wire());
            span.setAttribute("store.request.id", due.requestId().toString());
            span.setAttribute("store.request.attempt", due.attempt());
            span.setAttribute("campaign.run.id", due.runId().toString());
            StoreAnswer answer = send(store, due);
            span.setAttribute("store.answer", answer.getClass().getSimpleName());
            settle(due, answer);
        } finally {
            span.end();
        }
        return true;
    }

    private StoreAnswer send(SubscriptionStore store, StoreRequestStore.Due due) {
        StoreRequest request = new StoreRequest(due.requestId(), due.productId(), due.storeRef(), due.days(), due.expectedExpiry(),
                due.expectedEtag(), due.expectedExpiry() != null);
        if (!store.configured()) {
            return new StoreAnswer.TryAgain(Duration.ofMinutes(1), (due.channel() == BillingChannel.APPLE ? "App Store" : "Google Play")
                    + " credentials are not configured (see docs/operations.md, store extensions)");
        }
        if (store.needsExpectedExpiry() && request.expectedExpiry() == null) {
            StoreAnswer current = store.currentExpiry(request);
            if (!(current instanceof StoreAnswer.CurrentExpiry read)) {
                return current;
            }
            request = request.expecting(read.expiry(), read.etag());
            if (!jdbc.inTransaction(c -> requests.recordExpected(c, due, read.expiry(), read.etag()))) {
                return new StoreAnswer.TryAgain(Duration.ZERO, "lease lost before sending");
            }
        }
        // a subscription that changed under us (it renewed, another deferral moved it) is deferred from
        // what it is now; each new expectation is committed before it is sent, so a crash resumes from it
        for (int round = 0; round < MAX_CHANGED_ROUNDS; round++) {
            StoreAnswer answer = store.extend(request);
            if (!(answer instanceof StoreAnswer.Changed changed)) {
                return answer;
            }
            StoreAnswer.CurrentExpiry now = changed.now();
            request = request.expecting(now.expiry(), now.etag());
            if (!jdbc.inTransaction(c -> requests.recordExpected(c, due, now.expiry(), now.etag()))) {
                return new StoreAnswer.TryAgain(Duration.ZERO, "lease lost before sending");
            }
        }
        return new StoreAnswer.TryAgain(Duration.ofSeconds(30), "the subscription changed " + MAX_CHANGED_ROUNDS
                + " times while being deferred; trying again later");
    }

    private void settle(StoreRequestStore.Due due, StoreAnswer answer) {
        Instant now = clock.instant();
        String outcome = jdbc.inTransaction(c -> {
            if (answer instanceof StoreAnswer.Extended e) {
                return requests.settleExtended(c, due, e.newExpiry()) ? "extended" : "lease_lost";
            }
            if (answer instanceof StoreAnswer.Refused r) {
                Campaign campaign = campaigns.find(c, due.campaignId()).orElseThrow();
                String principal = runs.findById(c, due.runId()).map(RunStore.Run::requestedBy).orElse("store-request-worker");
                String reason = campaign.storeFallbackReason();
                return requests.settleFallback(c, due, r.code(), r.detail(), reason, principal, now) ? "fallback" : "lease_lost";
            }
            Duration after = answer instanceof StoreAnswer.TryAgain t ? t.after() : Duration.ZERO;
            String why = answer instanceof StoreAnswer.TryAgain t ? t.reason() : "unexpected answer " + answer;
            requests.retryLater(c, due, after, why);
            return "retry";
        });
        metrics.counter("store.extension.requests", "store", due.channel().wire(), "outcome", outcome).increment();
        if (answer instanceof StoreAnswer.TryAgain t) {
            LOG.debugf("Store request %s (%s) waits %s: %s", due.requestId(), due.channel().wire(), t.after(), t.reason());
        }
    }
}
