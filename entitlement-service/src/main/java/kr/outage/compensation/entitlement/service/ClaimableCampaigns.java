package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.CampaignState;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.platform.problem.ProblemException;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The definitions of the campaigns people are claiming from, kept in memory. At launch-day rates
 * reading and parsing a campaign's terms for every claim cost more than the claim itself. Only
 * published campaigns are kept, and a published campaign's terms never change (only a draft can be
 * edited), so the copy cannot go stale; what does change, the lifecycle, each claim checks in the
 * database in its own statement. Once the cap is reached, the moment is kept too, and later claimants
 * are answered from it without a round trip.
 */
@ApplicationScoped
public class ClaimableCampaigns {

    @Inject
    Jdbc jdbc;
    @Inject
    CampaignStore store;

    private final Map<UUID, Campaign> published = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> allClaimed = new ConcurrentHashMap<>();

    /** The campaign as defined; read from the database unless it is a published one already read. */
    public Campaign definition(UUID id) {
        Campaign known = published.get(id);
        if (known != null) {
            return known;
        }
        Campaign campaign = fresh(id);
        if (open(campaign)) {
            published.put(id, campaign);
        }
        if (campaign.allClaimedAt() != null) {
            allClaimed.put(id, campaign.allClaimedAt());
        }
        return campaign;
    }

    /** The campaign as it is now in the database; forgets the kept copy if it is no longer open. */
    public Campaign fresh(UUID id) {
        Campaign campaign = jdbc.read(c -> store.find(c, id)).orElseThrow(() -> ProblemException.notFound("No campaign " + id));
        if (!open(campaign)) {
            published.remove(id);
        }
        return campaign;
    }

    private static boolean open(Campaign campaign) {
        return campaign.state() == CampaignState.PUBLISHED || campaign.state() == CampaignState.RUNNING
                || campaign.state() == CampaignState.APPLIED;
    }

    public Optional<Instant> allClaimedAt(UUID id) {
        return Optional.ofNullable(allClaimed.get(id));
    }

    public void allClaimed(UUID id, Instant at) {
        if (at != null) {
            allClaimed.putIfAbsent(id, at);
        }
    }
}
