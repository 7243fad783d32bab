package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.CampaignTerms;
import kr.outage.compensation.entitlement.domain.CappedClaim;
import kr.outage.compensation.entitlement.domain.ClaimDeadline;
import kr.outage.compensation.entitlement.domain.Remedy;
import kr.outage.compensation.entitlement.persistence.ClaimSlots;
import kr.outage.compensation.entitlement.persistence.EligibilitySql;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.SqlText;
import kr.outage.compensation.entitlement.problem.ProblemType;
import kr.outage.compensation.platform.problem.ProblemException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * First come, first served claims of a capped grant. A claim is one SQL statement committed on its
 * own (see {@link ClaimSlots#claim}): the campaign still open, the account eligible and without an
 * earlier claim, a unit of the cap from a slot, the item, the claim row (its primary key allows one
 * per account) and the audit row; all of it or none, also across a crash. Only when the answer is
 * "no unit" does the service ask why, and only when every slot with room was held by claims in flight
 * does it wait for one of them, because that claim may still fail and free its unit.
 *
 * <p>Once the cap is reached, the moment the last grant went is recorded on the campaign and kept in
 * memory, and later claimants are refused from it at once: at launch-day rates most claims arrive
 * after the cap, and none of them should wait on a lock, or even on the database, to learn that.
 */
@ApplicationScoped
public class GrantClaims {

    @Inject
    Jdbc jdbc;
    @Inject
    ClaimableCampaigns campaigns;
    @Inject
    ClaimSlots slots;
    @Inject
    Clock clock;

    public CappedClaim claim(UUID campaignId, String userId, String principal) {
        Campaign campaign = campaigns.definition(campaignId);
        CampaignTerms.ClaimableGrant grant = campaign.terms().claimable().orElseThrow(() ->
                new ProblemException(ProblemType.NOTHING_TO_CLAIM, "Campaign " + campaign.code() + " has nothing to claim"));
        Remedy remedy = grant.remedy();
        Instant now = clock.instant();
        CampaignLifecycle.requirePublished(campaign, "claiming from it");
        Instant closesAt = ClaimDeadline.closesAt(remedy.claimDeadline());
        if (!now.isBefore(closesAt)) {
            throw new ProblemException(ProblemType.CLAIM_DEADLINE_PASSED, "Claims for " + campaign.code() + " closed at "
                    + closesAt + " (the deadline " + remedy.claimDeadline().atZone(ClaimDeadline.KOREA).toLocalDateTime()
                    + " KST included its whole last second)", null,
                    Map.of("claimDeadline", remedy.claimDeadline().toString(), "claimsCloseAt", closesAt.toString()));
        }
        Optional<Instant> allClaimedAt = campaigns.allClaimedAt(campaignId);
        if (allClaimedAt.isPresent()) {
            throw capReached(campaign, remedy, allClaimedAt.get());
        }
        Instant validUntil = remedy.days() == null ? null : now.plus(remedy.days(), ChronoUnit.DAYS);
        ClaimSlots.NewClaim wanted = new ClaimSlots.NewClaim(userId, remedy.itemCode(), remedy.label(), validUntil, now, principal);
        EligibilitySql terms = new EligibilitySql(campaign.terms());
        SqlText eligibility = terms.grants(new SqlText().add((terms.accountScoped() ? "a" : "s") + ".user_id = ?", userId));
        ClaimSlots.SlotChoice choice = slots.randomStart();
        while (true) {
            ClaimSlots.SlotChoice tried = choice;
            ClaimSlots.Outcome outcome;
            try {
                outcome = jdbc.read(c -> slots.claim(c, campaignId, eligibility, grant.groupNo(), tried, wanted, remedy.cap()));
            } catch (RuntimeException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    // Two claims of the same account at once: the second sees the first's row now.
                    throw alreadyClaimed(campaign, existing(campaign, remedy, userId).orElseThrow(() -> e));
                }
                throw e;
            }
            if (outcome.taken().isPresent()) {
                ClaimSlots.Taken taken = outcome.taken().get();
                if (taken.filledSlot()) {
                    // This claim may have taken the cap's last unit; if so, say when, before anyone else has to find out.
                    if (jdbc.read(c -> slots.allTaken(c, campaignId))) {
                        recordAllClaimed(campaignId);
                    }
                }
                return new CappedClaim(campaignId, userId, taken.itemId(), remedy.itemCode(), remedy.label(), validUntil, now,
                        taken.grantNo(), remedy.cap());
            }
            if (!outcome.campaignOpen()) {
                CampaignLifecycle.requirePublished(campaigns.fresh(campaignId), "claiming from it");
                continue; // published after all (it was being changed at that instant): try again
            }
            if (!outcome.eligible()) {
                throw new ProblemException(ProblemType.NOT_ELIGIBLE, "Account " + userId + " is not eligible for " + campaign.code());
            }
            if (outcome.alreadyClaimed()) {
                throw alreadyClaimed(campaign, existing(campaign, remedy, userId).orElseThrow(() ->
                        new IllegalStateException("claim of " + userId + " seen and gone")));
            }
            if (!tried.waits() && tried.from() > 0) {
                choice = tried.before(); // nothing free from the random start to the end: the slots before it
                continue;
            }
            // Every slot with room was held by claims in flight: wait for one of them, unless none has room any more.
            OptionalInt withRoom = jdbc.read(c -> slots.anyWithRoom(c, campaignId));
            if (withRoom.isEmpty()) {
                CampaignLifecycle.requirePublished(campaigns.fresh(campaignId), "claiming from it");
                throw capReached(campaign, remedy, recordAllClaimed(campaignId));
            }
            choice = ClaimSlots.SlotChoice.waitingFor(withRoom.getAsInt());
        }
    }

    private Instant recordAllClaimed(UUID campaignId) {
        Instant at = jdbc.read(c -> slots.recordAllClaimed(c, campaignId));
        campaigns.allClaimed(campaignId, at);
        return at;
    }

    private static ProblemException capReached(Campaign campaign, Remedy remedy, Instant allClaimedAt) {
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("cap", remedy.cap());
        if (allClaimedAt != null) {
            extensions.put("allClaimedAt", allClaimedAt.toString());
        }
        return new ProblemException(ProblemType.CLAIM_CAP_REACHED, "All " + remedy.cap() + " grants of " + campaign.code()
                + " have been claimed" + (allClaimedAt == null ? "" : "; the last went at " + allClaimedAt), null, extensions);
    }

    private static ProblemException alreadyClaimed(Campaign campaign, CappedClaim first) {
        return new ProblemException(ProblemType.ALREADY_CLAIMED, "Account " + first.userId() + " already claimed "
                + campaign.code() + " at " + first.claimedAt(), null, Map.of("existingClaim", first));
    }

    private Optional<CappedClaim> existing(Campaign campaign, Remedy remedy, String userId) {
        return jdbc.read(c -> existing(c, campaign, remedy, userId));
    }

    private static Optional<CappedClaim> existing(Connection c, Campaign campaign, Remedy remedy, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select k.item_id, i.valid_until, k.claimed_at, k.grant_no from campaign_claim k "
                + "join granted_item i on i.id = k.item_id where k.campaign_id = ? and k.user_id = ?")) {
            ps.setObject(1, campaign.id());
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CappedClaim(campaign.id(), userId, rs.getLong(1), remedy.itemCode(), remedy.label(),
                        Jdbc.instant(rs.getTimestamp(2)), Jdbc.instant(rs.getTimestamp(3)), rs.getLong(4), remedy.cap()));
            }
        }
    }
}
