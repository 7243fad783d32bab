package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.CampaignTerms;
import kr.outage.compensation.entitlement.domain.ClaimDeadline;
import kr.outage.compensation.entitlement.domain.Remedy;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.EligibilitySql;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.SqlText;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.entitlement.problem.ProblemType;
import kr.outage.compensation.entitlement.rest.ClaimView;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * First come, first served claims of a capped grant. In one transaction: the claim row (its primary
 * key allows one per account), then the counter on the campaign row, raised only while below the cap
 * (the row lock orders concurrent claimants and a CHECK constraint backs the cap), then the item.
 * A claim that loses any step rolls back whole: nobody is counted without an item, or the reverse.
 */
@ApplicationScoped
public class GrantClaims {

    @Inject
    Jdbc jdbc;
    @Inject
    CampaignStore campaigns;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    public ClaimView claim(UUID campaignId, String userId, String principal) {
        Campaign campaign = jdbc.read(c -> campaigns.find(c, campaignId))
                .orElseThrow(() -> ProblemException.notFound("No campaign " + campaignId));
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
        try {
            return jdbc.inTransaction(c -> {
                if (!eligible(c, campaign, grant.groupNo(), userId)) {
                    throw new ProblemException(ProblemType.NOT_ELIGIBLE, "Account " + userId + " is not eligible for "
                            + campaign.code());
                }
                Optional<ClaimView> existing = existing(c, campaign, remedy, userId);
                if (existing.isPresent()) {
                    throw alreadyClaimed(campaign, existing.get());
                }
                long position;
                try (PreparedStatement ps = c.prepareStatement("update campaign set claims_made = claims_made + 1 "
                        + "where id = ? and claims_made < claim_cap returning claims_made")) {
                    ps.setObject(1, campaignId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new ProblemException(ProblemType.CLAIM_CAP_REACHED, "All " + remedy.cap() + " grants of "
                                    + campaign.code() + " have been claimed", null, Map.of("cap", remedy.cap()));
                        }
                        position = rs.getLong(1);
                    }
                }
                Instant validUntil = remedy.days() == null ? null : now.plus(remedy.days(), ChronoUnit.DAYS);
                long itemId;
                try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("insert into granted_item (user_id, item_code, "
                        + "label, valid_until, granted_at, campaign_id) values (?, ?, ?, ?, ?, ?) returning id",
                        userId, remedy.itemCode(), remedy.label(), validUntil, now, campaignId));
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    itemId = rs.getLong(1);
                }
                try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("insert into campaign_claim (campaign_id, user_id, "
                        + "item_id, principal, claimed_at) values (?, ?, ?, ?, ?)", campaignId, userId, itemId, principal, now))) {
                    ps.executeUpdate();
                }
                ClaimView view = new ClaimView(campaignId, userId, itemId, remedy.itemCode(), remedy.label(), validUntil, now,
                        position, remedy.cap());
                audit.record(c, principal, "GRANT_CLAIMED", "account", userId, campaignId, null, null, view);
                return view;
            });
        } catch (RuntimeException e) {
            if (Jdbc.isUniqueViolation(e)) {
                // Two claims of the same account at once: the second sees the first's row now.
                ClaimView first = jdbc.read(c -> existing(c, campaign, remedy, userId)).orElseThrow(() -> e);
                throw alreadyClaimed(campaign, first);
            }
            throw e;
        }
    }

    private static ProblemException alreadyClaimed(Campaign campaign, ClaimView first) {
        return new ProblemException(ProblemType.ALREADY_CLAIMED, "Account " + first.userId() + " already claimed "
                + campaign.code() + " at " + first.claimedAt(), null, Map.of("existingClaim", first));
    }

    private static boolean eligible(Connection c, Campaign campaign, int groupNo, String userId) throws SQLException {
        EligibilitySql terms = new EligibilitySql(campaign.terms());
        String alias = terms.accountScoped() ? "a" : "s";
        SqlText sql = new SqlText().add("select exists (select 1 from (")
                .add(terms.grants(new SqlText().add(alias + ".user_id = ?", userId)))
                .add(") q where q.group_no = ?)", groupNo);
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static Optional<ClaimView> existing(Connection c, Campaign campaign, Remedy remedy, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select k.item_id, i.valid_until, k.claimed_at from campaign_claim k "
                + "join granted_item i on i.id = k.item_id where k.campaign_id = ? and k.user_id = ?")) {
            ps.setObject(1, campaign.id());
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ClaimView(campaign.id(), userId, rs.getLong(1), remedy.itemCode(), remedy.label(),
                        Jdbc.instant(rs.getTimestamp(2)), Jdbc.instant(rs.getTimestamp(3)), 0, remedy.cap()));
            }
        }
    }
}
