package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.ClaimSlots;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.entitlement.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Publishing and withdrawing: the two moments a campaign becomes, and stops being, an official
 * compensation. Each takes the campaign's row lock, so a publish and a withdraw (or a run being
 * started) are ordered; each is audited with the principal and the reason.
 *
 * <p>Withdrawing an applied campaign is refused until it has been rolled back: the public registry
 * must never say "withdrawn" about a compensation that people still hold.
 */
@ApplicationScoped
public class CampaignLifecycle {

    @Inject
    Jdbc jdbc;
    @Inject
    CampaignStore store;
    @Inject
    ClaimSlots claimSlots;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    public Campaign publish(UUID id, String principal, String reason) {
        return jdbc.inTransaction(c -> {
            Campaign campaign = store.lock(c, id).orElseThrow(() -> ProblemException.notFound("No campaign " + id));
            CampaignDefinitions.requireDraft(campaign);
            Instant now = clock.instant();
            store.markPublished(c, id, principal, now);
            if (campaign.terms().claimable().isPresent()) {
                claimSlots.create(c, id, campaign.terms().claimable().get().remedy().cap());
            }
            audit.record(c, principal, "CAMPAIGN_PUBLISHED", "campaign", id.toString(), id, null,
                    Map.of("state", campaign.state().wire()), withReason(Map.<String, Object>of("state", "published"), reason));
            return store.find(c, id).orElseThrow();
        });
    }

    public Campaign withdraw(UUID id, String principal, String reason) {
        return jdbc.inTransaction(c -> {
            store.lock(c, id).orElseThrow(() -> ProblemException.notFound("No campaign " + id));
            // Claims do not lock the campaign row: close its slots (waiting for claims in flight), then
            // read the state, which now counts every claim that will ever be made.
            claimSlots.close(c, id);
            Campaign campaign = store.find(c, id).orElseThrow();
            switch (campaign.state()) {
                case DRAFT -> throw new ProblemException(ProblemType.CAMPAIGN_NOT_PUBLISHED, "Campaign " + campaign.code()
                        + " is a draft: it was never public, so there is nothing to withdraw", null, Map.of("state", "draft"));
                case WITHDRAWN -> throw new ProblemException(ProblemType.CAMPAIGN_WITHDRAWN, "Campaign " + campaign.code()
                        + " was already withdrawn at " + campaign.withdrawn().at(), null, Map.of("state", "withdrawn"));
                case RUNNING, APPLIED, ROLLING_BACK -> throw new ProblemException(ProblemType.ROLLBACK_REQUIRED, "Campaign "
                        + campaign.code() + " is " + campaign.state().wire() + "; roll it back (POST /api/v1/campaigns/" + id
                        + "/rollback) and then withdraw it", null, Map.of("state", campaign.state().wire()));
                default -> {
                    // published and never applied, or rolled back (fully or as far as possible): may go
                }
            }
            Instant now = clock.instant();
            store.markWithdrawn(c, id, principal, reason, now);
            audit.record(c, principal, "CAMPAIGN_WITHDRAWN", "campaign", id.toString(), id, null,
                    Map.of("state", campaign.state().wire()), withReason(Map.<String, Object>of("state", "withdrawn"), reason));
            return store.find(c, id).orElseThrow();
        });
    }

    private static Map<String, Object> withReason(Map<String, Object> after, String reason) {
        Map<String, Object> out = new HashMap<>(after);
        if (reason != null) {
            out.put("reason", reason);
        }
        return out;
    }

    /** Refuses work on a campaign that is not (or no longer) an official, applicable compensation. */
    static void requirePublished(Campaign campaign, String what) {
        switch (campaign.state()) {
            case PUBLISHED, RUNNING, APPLIED -> {
            }
            case DRAFT -> throw new ProblemException(ProblemType.CAMPAIGN_NOT_PUBLISHED, "Campaign " + campaign.code()
                    + " is a draft; publish it before " + what, null, Map.of("state", "draft"));
            case WITHDRAWN -> throw new ProblemException(ProblemType.CAMPAIGN_WITHDRAWN, "Campaign " + campaign.code()
                    + " was withdrawn", null, Map.of("state", "withdrawn"));
            default -> throw new ProblemException(ProblemType.CAMPAIGN_ROLLED_BACK, "Campaign " + campaign.code()
                    + " was rolled back", null, Map.of("state", campaign.state().wire()));
        }
    }
}
