package kr.outage.compensation.entitlement.persistence;

import kr.outage.compensation.entitlement.domain.Campaign;

/**
 * SQL over {@code compensation_coverage}: which subjects another campaign of the same incident already
 * compensated for one of this campaign's services. Overlap is judged within one scope (a subscription
 * id and an account number are different subjects even when the digits agree).
 */
public final class CoverageSql {

    private CoverageSql() {
    }

    /**
     * The rows of {@code grants} (a query with a {@code subject_id} column) with one more column,
     * {@code overlapping}: whether another campaign covers the subject. {@code range} (from, to), when
     * given, bounds the coverage read to a chunk's subjects.
     *
     * <p>A join, not a correlated EXISTS per row: a run's first chunks are planned while the coverage
     * table is nearly empty, and a per-row sequential scan chosen then is repeated over a table that
     * the other workers fill while the statement runs (measured: one 50,000-subject chunk took minutes
     * instead of a second). A join reads the coverage once, or probes its primary key.
     */
    public static SqlText markOverlap(Campaign campaign, SqlText grants, long[] range) {
        SqlText covered = new SqlText().add("select distinct subject_id from compensation_coverage where incident_id = ? "
                        + "and scope = ? and service = any(?) and campaign_id <> ?", campaign.incidentId(),
                campaign.terms().scope().name(), campaign.services().toArray(String[]::new), campaign.id());
        if (range != null) {
            covered.add(" and subject_id >= ? and subject_id < ?", range[0], range[1]);
        }
        return new SqlText().add("select q0.*, cv.subject_id is not null as overlapping from (").add(grants)
                .add(") q0 left join (").add(covered).add(") cv on cv.subject_id = q0.subject_id");
    }

    /**
     * A CTE part that records the grants in {@code g} as this campaign's coverage. Rows another campaign
     * holds already stay theirs; a row a concurrent transaction has just inserted and committed makes
     * this statement fail with a serialization error in REPEATABLE READ, so the chunk is retried and
     * then sees it: the primary key, not a read, decides who covers a subject.
     */
    public static SqlText recordGrants(Campaign campaign) {
        return new SqlText().add(", coverage as (insert into compensation_coverage (incident_id, service, scope, subject_id, "
                        + "campaign_id) select ?, svc, ?, g.subject_id, g.campaign_id from g cross join unnest(?) svc "
                        + "order by g.subject_id, svc on conflict do nothing)",
                campaign.incidentId(), campaign.terms().scope().name(), campaign.services().toArray(String[]::new));
    }
}
