package kr.outage.compensation.entitlement.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A compensation campaign as stored: its public identity, its incident, its terms, its place in the
 * lifecycle and who moved it there. {@code serviceNames} maps each service key to what people call
 * it (Korean, English, common spellings): the verifier only calls a text official when it names one.
 * {@code claimsMade} counts the claims of its capped grant; {@code allClaimedAt} is when the last of
 * the cap went (null while any is left, or without a capped grant). {@code announcement} is what it
 * tells people (null until written): the only text the verifier calls official.
 */
public record Campaign(UUID id, String code, String title, String description, UUID incidentId,
                       List<String> services, Map<String, List<String>> serviceNames, CampaignTerms terms,
                       OverlapPolicy overlap, String overlapReason, CampaignState state, long claimsMade, Instant allClaimedAt,
                       Stamp created, Stamp published, Stamp withdrawn, String withdrawnReason, Stamp rolledBack,
                       Announcement announcement) {

    /** What a person's wallet history says about money or passes this campaign gave. */
    public String grantReason() {
        return "Compensation: " + title + " (" + code + ")";
    }

    /** The wallet reason of a store extension's fallback cash: what the store could not give. */
    public String storeFallbackReason() {
        return grantReason() + ", instead of a store extension";
    }

    /** Who did something and when; absent for what has not happened. */
    public record Stamp(String by, Instant at) {
    }
}
