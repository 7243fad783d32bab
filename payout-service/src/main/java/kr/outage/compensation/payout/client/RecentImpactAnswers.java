package kr.outage.compensation.payout.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Impact answers kept for a few seconds. During an intake burst thousands of claims a second ask
 * the same question ("how long was Kakao T impaired?"); the answer changes only when the
 * incident's timeline is corrected, and a correction reaching claims a few seconds late is
 * harmless, because every claim records the incident revision it was assessed against.
 */
final class RecentImpactAnswers {

    private final Duration timeToLive;

    RecentImpactAnswers(Duration timeToLive) {
        this.timeToLive = timeToLive;
    }

    private record Key(UUID incidentId, String service, String platform) {
    }

    private record Entry(Optional<ImpactCheck> check, Instant expiresAt) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    Optional<Optional<ImpactCheck>> get(UUID incidentId, String service, String platform, Instant now) {
        Entry entry = entries.get(new Key(incidentId, service, platform));
        return entry == null || now.isAfter(entry.expiresAt()) ? Optional.empty() : Optional.of(entry.check());
    }

    void put(UUID incidentId, String service, String platform, Optional<ImpactCheck> check, Instant now) {
        if (timeToLive.isZero()) {
            return;
        }
        if (entries.size() > 10_000) {
            entries.clear();
        }
        entries.put(new Key(incidentId, service, platform), new Entry(check, now.plus(timeToLive)));
    }
}
