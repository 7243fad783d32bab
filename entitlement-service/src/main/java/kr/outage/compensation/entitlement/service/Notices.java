package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.SentNotice;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.NoticeStore;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** What the operators see of a campaign's notices. */
@ApplicationScoped
public class Notices {

    static final int FAILURES_SHOWN = 20;

    @Inject
    Jdbc jdbc;
    @Inject
    NoticeStore store;
    @Inject
    Campaigns campaigns;

    public NoticeProgress progress(UUID campaignId) {
        campaigns.get(campaignId);
        return jdbc.read(c -> {
            Map<SentNotice.State, Long> n = store.counts(c, campaignId);
            var failures = store.firstFailures(c, campaignId, FAILURES_SHOWN).stream()
                    .map(f -> new NoticeProgress.Failure(f.code(), f.channel() == null ? null : f.channel().toLowerCase(Locale.ROOT),
                            f.recipientMasked(), f.reason())).toList();
            return new NoticeProgress(count(n, SentNotice.State.QUEUED), count(n, SentNotice.State.SENDING),
                    count(n, SentNotice.State.SENT), count(n, SentNotice.State.KEPT), count(n, SentNotice.State.UNCERTAIN),
                    count(n, SentNotice.State.FAILED), count(n, SentNotice.State.CANCELLED), failures);
        });
    }

    private static long count(Map<SentNotice.State, Long> counts, SentNotice.State state) {
        return counts.getOrDefault(state, 0L);
    }
}
