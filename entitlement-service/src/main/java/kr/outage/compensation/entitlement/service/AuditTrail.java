package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.platform.json.JsonDocuments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;

/**
 * The audit trail of single changes (a campaign defined, a pass cancelled, cash spent, a grant
 * claimed, a rollback), written in the same transaction as the change. Bulk grants are audited by
 * their own rows in {@code campaign_grant} (campaign, run, before and after for each subject), which
 * the run writes anyway; copying millions of them here would double the cost of a run.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    JsonDocuments json;
    @Inject
    Clock clock;

    public void record(Connection c, String principal, String action, String subjectType, String subjectId,
                       UUID campaignId, UUID runId, Object before, Object after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into entitlement_audit (id, occurred_at, principal, action, "
                + "subject_type, subject_id, campaign_id, run_id, before_state, after_state) values "
                + "(nextval('entitlement_audit_seq'), ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))")) {
            Jdbc.bind(c, ps, Arrays.asList(clock.instant(), principal, action, subjectType, subjectId, campaignId, runId,
                    json.write(before), json.write(after)));
            ps.executeUpdate();
        }
    }

}
