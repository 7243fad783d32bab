package kr.outage.compensation.entitlement.service;

import kr.outage.compensation.platform.problem.GeneralProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.persistence.ClaimSlots;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.CampaignState;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.DatabaseFailure;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.ChunkReverter;
import kr.outage.compensation.entitlement.persistence.RunStore;
import kr.outage.compensation.entitlement.persistence.SqlText;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.entitlement.problem.ProblemType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Undoes a campaign, chunk by chunk over the same subject ranges its runs used, each chunk in one
 * transaction that also marks its grants rolled back, so an interrupted rollback resumes where it
 * stopped and never reverses anything twice. What can no longer be undone is left as it is and
 * recorded as a conflict: a pass whose dates changed or that ended since (restoring it would take
 * back days the person already had, or touch a pass that no longer exists), cash already spent
 * (only the rest is taken back), a coupon already used. Items are withdrawn.
 */
@ApplicationScoped
public class CampaignRollback {

    @Inject
    Jdbc jdbc;
    @Inject
    CampaignStore campaigns;
    @Inject
    RunStore runs;
    @Inject
    ChunkReverter reverter;
    @Inject
    ClaimSlots claimSlots;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    public RollbackReport rollback(UUID campaignId, String principal, String reason) {
        try (Connection session = jdbc.connection()) {
            // One rollback per campaign at a time, across replicas; released if this process dies.
            if (!tryLock(session, campaignId)) {
                throw new ProblemException(GeneralProblem.CONFLICT, "A rollback of campaign " + campaignId + " is in progress");
            }
            try {
                return rollbackLocked(campaignId, principal, reason);
            } finally {
                unlock(session, campaignId);
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private RollbackReport rollbackLocked(UUID campaignId, String principal, String reason) {
        Campaign campaign = jdbc.inTransaction(c -> {
            Campaign found = campaigns.find(c, campaignId).orElseThrow(() -> ProblemException.notFound("No campaign " + campaignId));
            switch (found.state()) {
                case ROLLED_BACK, PARTIALLY_ROLLED_BACK, WITHDRAWN -> {
                    return found;
                }
                case DRAFT -> throw new ProblemException(ProblemType.CAMPAIGN_NOT_PUBLISHED, "Campaign " + found.code()
                        + " is a draft: nothing was applied, so there is nothing to roll back", null, Map.of("state", "draft"));
                default -> {
                }
            }
            runs.lockIncident(c, found.incidentId());
            if (runs.overlappingWorkInProgress(c, campaignId)) {
                throw new ProblemException(ProblemType.RUN_IN_PROGRESS, "Another campaign of the same incident and service is "
                        + "being applied or rolled back; roll " + found.code() + " back when it has finished");
            }
            var active = runs.findActive(c, campaignId);
            if (active.isPresent()) {
                throw new ProblemException(ProblemType.RUN_IN_PROGRESS, "Run " + active.get().id()
                        + " is still in progress; roll back when it has finished", null,
                        Map.of("activeRun", CampaignRuns.location(campaignId, active.get().id())));
            }
            Jdbc.update(c, new SqlText().add("update campaign set state = 'ROLLING_BACK' where id = ?", campaignId));
            // no claim may commit after this: the revocation at the end must see every one
            claimSlots.close(c, campaignId);
            return found;
        });
        if (campaign.state() == CampaignState.ROLLED_BACK || campaign.state() == CampaignState.PARTIALLY_ROLLED_BACK
                || campaign.state() == CampaignState.WITHDRAWN) {
            return report(campaignId);
        }
        List<long[]> ranges = jdbc.read(c -> {
            List<long[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select distinct c.from_subject, c.to_subject from run_chunk c "
                    + "join campaign_run r on r.id = c.run_id where r.campaign_id = ? and c.state = 'DONE' order by 1")) {
                ps.setObject(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new long[]{rs.getLong(1), rs.getLong(2)});
                    }
                }
            }
            return out;
        });
        for (long[] range : ranges) {
            jdbc.inTransaction(Connection.TRANSACTION_REPEATABLE_READ, c -> {
                reverter.undo(c, campaign, range[0], range[1], principal, clock.instant());
                return null;
            });
        }
        jdbc.inTransaction(c -> {
            Instant now = clock.instant();
            // Claimed items are not tied to a run's subjects: withdraw them all at the end.
            Jdbc.update(c, new SqlText().add("update granted_item set revoked_at = ? where campaign_id = ? and subject_id is null "
                    + "and revoked_at is null", now, campaignId));
            Jdbc.update(c, new SqlText().add("update campaign set state = 'ROLLED_BACK', rolled_back_at = ?, rolled_back_by = ? "
                    + "where id = ?", now, principal, campaignId));
            audit.record(c, principal, "CAMPAIGN_ROLLED_BACK", "campaign", campaignId.toString(), campaignId, null,
                    Map.of("state", campaign.state().wire()),
                    reason == null ? Map.of("state", "rolled_back") : Map.of("state", "rolled_back", "reason", reason));
            return null;
        });
        return report(campaignId);
    }

    public RollbackReport report(UUID campaignId) {
        return jdbc.read(c -> {
            Campaign campaign = campaigns.find(c, campaignId).orElseThrow(() -> ProblemException.notFound("No campaign " + campaignId));
            long[] figures = new long[5];
            try (PreparedStatement ps = c.prepareStatement("select "
                    + "(select count(*) from campaign_grant where campaign_id = ? and rolled_back_at is not null), "
                    + "(select count(*) from campaign_grant g join subscription s on s.id = g.subject_id where g.campaign_id = ? "
                    + "  and g.rolled_back_at is not null and (g.billing_date_after is distinct from g.billing_date_before "
                    + "  or g.expires_on_after is distinct from g.expires_on_before) "
                    + "  and s.next_billing_date is not distinct from g.billing_date_before and s.expires_on is not distinct from g.expires_on_before), "
                    + "(select coalesce(-sum(amount_krw), 0) from wallet_entry where campaign_id = ? and source = 'CAMPAIGN_ROLLBACK'), "
                    + "(select count(*) from coupon where campaign_id = ? and revoked_at is not null), "
                    + "(select count(*) from granted_item where campaign_id = ? and revoked_at is not null)")) {
                for (int i = 1; i <= 5; i++) {
                    ps.setObject(i, campaignId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    for (int i = 0; i < 5; i++) {
                        figures[i] = rs.getLong(i + 1);
                    }
                }
            }
            Map<String, Long> byKind = new LinkedHashMap<>();
            long total = 0;
            try (PreparedStatement ps = c.prepareStatement("select kind, count(*) from rollback_conflict where campaign_id = ? "
                    + "group by kind order by kind")) {
                ps.setObject(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byKind.put(rs.getString(1), rs.getLong(2));
                        total += rs.getLong(2);
                    }
                }
            }
            List<RollbackReport.Conflict> conflicts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select subject_id, user_id, kind, detail from rollback_conflict "
                    + "where campaign_id = ? order by subject_id, kind limit 1000")) {
                ps.setObject(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        conflicts.add(new RollbackReport.Conflict(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            Campaign.Stamp rolledBack = campaign.rolledBack();
            return new RollbackReport(campaignId, campaign.state().wire(), rolledBack == null ? null : rolledBack.at(),
                    rolledBack == null ? null : rolledBack.by(), figures[0], figures[1],
                    figures[2], figures[3], figures[4], total, byKind, conflicts);
        });
    }

    private static boolean tryLock(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, id.getMostSignificantBits() ^ id.getLeastSignificantBits());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, id.getMostSignificantBits() ^ id.getLeastSignificantBits());
            ps.execute();
        }
    }
}
