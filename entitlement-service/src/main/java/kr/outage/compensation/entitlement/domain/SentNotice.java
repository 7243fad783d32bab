package kr.outage.compensation.entitlement.domain;

import kr.outage.compensation.platform.notice.NoticeCode;
import java.time.Instant;

/**
 * A notice the suite wrote for one person, as the verifier sees it when a pasted message carries its
 * code: which campaign (or, for a claimant's notice, which support program, with the text as sent),
 * where it stands, when it went out and to whom (masked: the verifier's answer is
 * public, the recipient is personal data).
 */
public record SentNotice(NoticeCode code, Campaign campaign, State state, Instant sentAt, String channel,
                         String recipientMasked, String program, String sentText) {

    /** A campaign's notice: its text is the campaign's announcement with the code, rendered again to compare. */
    public SentNotice(NoticeCode code, Campaign campaign, State state, Instant sentAt, String channel, String recipientMasked) {
        this(code, campaign, state, sentAt, channel, recipientMasked, null, null);
    }

    /** A claimant's notice from payout-service: its text as it was sent, about a support program. */
    public static SentNotice ofClaim(NoticeCode code, String program, State state, Instant sentAt, String channel,
                                     String recipientMasked, String sentText) {
        return new SentNotice(code, null, state, sentAt, channel, recipientMasked, program, sentText);
    }

    /** The texts it can have been sent as (a campaign's in either language). */
    public java.util.List<String> renderings(String verifyUrl) {
        return campaign != null ? NoticeText.renderings(campaign.announcement(), code, verifyUrl)
                : sentText == null ? java.util.List.of() : java.util.List.of(sentText);
    }

    public enum State {
        /** Written with the grant, waiting for a worker. */
        QUEUED,
        /** A worker has it; the provider may or may not have it yet. */
        SENDING,
        /** The channel took it. */
        SENT,
        /** The person has no reachable channel: the notice is shown in their own view instead. */
        KEPT,
        /** Taken by a worker that died while the channel had it; never sent again, so it may or may not have arrived. */
        UNCERTAIN,
        /** The channel refused it for good (no such number, address rejected). */
        FAILED,
        /** The campaign was rolled back or withdrawn before it was sent. */
        CANCELLED;

        /** Whether the person can have received it. */
        public boolean reachedSomeone() {
            return this == SENT || this == KEPT || this == UNCERTAIN;
        }
    }
}
